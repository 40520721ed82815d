package dev.weft.plugin.timeout;

import dev.weft.api.CallScope;
import dev.weft.api.Cancellable;
import dev.weft.api.Clock;
import dev.weft.api.TaskFuture;
import java.time.Duration;
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
 * from every worker, for nothing. Here adding a deadline is a queue append, and a scope that ends
 * needs no cancelling: it is dropped when seen ended. Deadlines arrive almost in order (one limit,
 * counted from each scope's start), so the timer rarely needs to move.
 */
final class Deadlines {

    /** One scope's limit, due at {@code nanos} on the clock, and what expiring it needs. */
    record Entry(long nanos, CallScope scope, TaskFuture<?> call, ScopeDeadline deadline) {
    }

    private final Clock clock;
    private final Consumer<Entry> expire;
    private final Queue<Entry> entries = new ConcurrentLinkedQueue<>();
    /** Taken to remove entries and to set the timer; adding takes it only when the timer must move. */
    private final ReentrantLock lock = new ReentrantLock();
    /** When the clock timer is due, or {@link Long#MAX_VALUE} if none is set; written under the lock. */
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

    /** Adds a deadline; any thread. */
    void add(Entry entry) {
        entries.add(entry);
        if (entry.nanos() < timerDue) {
            lock.lock();
            try {
                if (entry.nanos() < timerDue) {
                    setTimer(entry.nanos());
                }
            } finally {
                lock.unlock();
            }
        }
        dropEndedAtHead();
    }

    /**
     * Keeps the queue to about the scopes still running: scopes mostly end in the order they
     * started, so the ones at the head have ended. Skipped when another thread holds the lock,
     * which is doing the same or more.
     */
    private void dropEndedAtHead() {
        Entry head = entries.peek();
        if (head == null || !head.scope().isEnded() || !lock.tryLock()) {
            return;
        }
        try {
            while ((head = entries.peek()) != null && head.scope().isEnded()) {
                entries.poll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The timer went off: expire what is due, drop what ended, and set the timer for the next. */
    private void fire() {
        List<Entry> due = new ArrayList<>();
        lock.lock();
        try {
            timer = null;
            timerDue = Long.MAX_VALUE;
            long now = clock.nanoTime();
            long next = Long.MAX_VALUE;
            for (Iterator<Entry> it = entries.iterator(); it.hasNext(); ) {
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
            if (next != Long.MAX_VALUE) {
                setTimer(next);
            }
        } finally {
            lock.unlock();
        }
        // Outside the lock: failing a scope enters the core, which may call back into this plugin.
        due.forEach(expire);
    }

    /** Called with the lock held. */
    private void setTimer(long due) {
        if (timer != null) {
            timer.cancel();
        }
        timerDue = due;
        timer = clock.schedule(Duration.ofNanos(Math.max(0, due - clock.nanoTime())), this::fire);
    }

    /** @return how many deadlines are held, for tests */
    int size() {
        return entries.size();
    }
}
