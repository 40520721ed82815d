package dev.weft.plugin.timeout;

import dev.weft.api.Cancellable;
import dev.weft.api.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A clock for unit tests: time moves on {@link #advance}, which runs due timers on the caller. */
final class FakeClock implements Clock {

    private final List<Timer> timers = new ArrayList<>();
    private long now;

    private final class Timer implements Cancellable {
        final long due;
        final Runnable action;

        Timer(long due, Runnable action) {
            this.due = due;
            this.action = action;
        }

        @Override
        public boolean cancel() {
            synchronized (FakeClock.this) {
                return timers.remove(this);
            }
        }
    }

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable action) {
        Timer timer = new Timer(now + Math.max(0, delay.toNanos()), action);
        timers.add(timer);
        return timer;
    }

    synchronized int pending() {
        return timers.size();
    }

    synchronized long nextDue() {
        return timers.stream().mapToLong(t -> t.due).min().orElseThrow();
    }

    void advance(Duration by) {
        long target;
        synchronized (this) {
            target = now + by.toNanos();
        }
        while (true) {
            Timer next;
            synchronized (this) {
                next = timers.stream().filter(t -> t.due <= target).min(Comparator.comparingLong(t -> t.due)).orElse(null);
                if (next == null) {
                    now = target;
                    return;
                }
                timers.remove(next);
                now = next.due;
            }
            next.action.run();
        }
    }
}
