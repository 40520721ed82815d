package dev.weft.plugin.timeout;

import dev.weft.ManualClock;
import dev.weft.api.Cancellable;
import dev.weft.api.Clock;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A manual clock that tells the test each time a timer is set, so the test moves time only once
 * the scheduler has set the timer it means to fire (a retry is scheduled after onFailure returns).
 */
final class ObservedClock implements Clock {

    final ManualClock manual = new ManualClock();
    private final BlockingQueue<Duration> scheduled = new LinkedBlockingQueue<>();

    @Override
    public long nanoTime() {
        return manual.nanoTime();
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        Cancellable timer = manual.schedule(delay, action);
        scheduled.add(delay);
        return timer;
    }

    /** Waits (at most 5s) until a timer of this delay has been set; skips timers of other delays. */
    boolean awaitTimer(Duration delay) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            Duration next = scheduled.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (next == null) {
                return false;
            }
            if (next.equals(delay)) {
                return true;
            }
        }
    }

    void advance(Duration by) {
        manual.advance(by);
    }

    int pendingTimers() {
        return manual.pendingTimers();
    }
}
