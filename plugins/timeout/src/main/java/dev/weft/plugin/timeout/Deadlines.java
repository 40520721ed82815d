package dev.weft.plugin.timeout;

import dev.weft.api.CallScope;
import dev.weft.api.Cancellable;
import dev.weft.api.Clock;
import dev.weft.api.TaskFuture;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The deadlines of one timeout plugin's scopes, behind a single clock timer set for the earliest.
 *
 * <p>Why not one clock timer per scope: nearly every scope ends long before its limit, so setting
 * and cancelling a timer for each costs two trips through the clock's shared queue and its lock,
 * from every worker, for nothing. Here adding a deadline is an append to a lane of the worker's
 * own (a queue shared by the workers made its ends bounce between their caches), and a scope
 * that ends needs no cancelling: it is dropped when seen ended, at the head of its lane as new
 * ones arrive, or when the timer fires. Deadlines arrive almost in order (one limit, counted from
 * each scope's start), so the timer rarely needs to move.
 */
final class Deadlines {

    /** One scope's limit, due at {@code nanos} on the clock, and what expiring it needs. */
    record Entry(long nanos, CallScope scope, TaskFuture<?> call, ScopeDeadline deadline) {
    }

    /** The deadlines one thread added; its lock is only contended while the timer fires. */
    private static final class Lane {
        final Thread owner = Thread.currentThread();
        final ArrayDeque<Entry> entries = new ArrayDeque<>();
        final ReentrantLock lock = new ReentrantLock();
    }

    private final Clock clock;
    private final Consumer<Entry> expire;
    private final ThreadLocal<Lane> lane = ThreadLocal.withInitial(this::newLane);
    private final Queue<Lane> lanes = new ConcurrentLinkedQueue<>();
    /** Taken to set the timer and when it fires; adding takes it only when the timer must move. */
    private final ReentrantLock timerLock = new ReentrantLock();
    /** When the clock timer is due, or {@link Long#MAX_VALUE} if none is set; written under the timer lock. */
    private volatile long timerDue = Long.MAX_VALUE;
    private Cancellable timer;

    /**
     * @param clock where time and the one timer come from
     * @param expire called, on the clock's timer thread and outside any lock, for each entry whose
     *     scope reached its deadline without ending
     */
    Deadlines(Clock clock, Consumer<Entry> expire) {
        this.clock = clock;
        this.expire = expire;
    }

    private Lane newLane() {
        Lane created = new Lane();
        lanes.add(created);
        return created;
    }

    /** Adds a deadline; any thread. */
    void add(Entry entry) {
        Lane own = lane.get();
        own.lock.lock();
        try {
            // Scopes mostly end in the order they started, so the ones at the head have ended.
            while (!own.entries.isEmpty() && own.entries.peekFirst().scope().isEnded()) {
                own.entries.pollFirst();
            }
            own.entries.addLast(entry);
        } finally {
            own.lock.unlock();
        }
        // Read after the entry is in its lane: either this sees the timer cover it, or a firing
        // timer that reset timerDue scans the lane after and finds it.
        if (entry.nanos() < timerDue) {
            timerLock.lock();
            try {
                if (entry.nanos() < timerDue) {
                    setTimer(entry.nanos());
                }
            } finally {
                timerLock.unlock();
            }
        }
    }

    /** The timer went off: expire what is due, drop what ended, and set the timer for the next. */
    private void fire() {
        List<Entry> due = new ArrayList<>();
        timerLock.lock();
        try {
            timer = null;
            timerDue = Long.MAX_VALUE;
            long now = clock.nanoTime();
            long next = Long.MAX_VALUE;
            for (Iterator<Lane> lanesLeft = lanes.iterator(); lanesLeft.hasNext(); ) {
                Lane l = lanesLeft.next();
                l.lock.lock();
                try {
                    for (Iterator<Entry> it = l.entries.iterator(); it.hasNext(); ) {
                        Entry e = it.next();
                        if (e.scope().isEnded()) {
                            it.remove();
                        } else if (e.nanos() <= now) {
                            it.remove();
                            due.add(e);
                        } else {
                            next = Math.min(next, e.nanos());
                        }
                    }
                    if (l.entries.isEmpty() && !l.owner.isAlive()) {
                        lanesLeft.remove(); // its thread is gone and can add nothing more
                    }
                } finally {
                    l.lock.unlock();
                }
            }
            if (next != Long.MAX_VALUE) {
                setTimer(next);
            }
        } finally {
            timerLock.unlock();
        }
        // Outside the locks: failing a scope enters the core, which may call back into this plugin.
        due.forEach(expire);
    }

    /** Called with the timer lock held. */
    private void setTimer(long due) {
        if (timer != null) {
            timer.cancel();
        }
        timerDue = due;
        timer = clock.schedule(Duration.ofNanos(Math.max(0, due - clock.nanoTime())), this::fire);
    }

    /** @return how many deadlines are held, for tests */
    int size() {
        int size = 0;
        for (Lane l : lanes) {
            l.lock.lock();
            try {
                size += l.entries.size();
            } finally {
                l.lock.unlock();
            }
        }
        return size;
    }
}
