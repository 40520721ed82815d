package dev.weft.plugin.retry;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.weft.ManualClock;
import dev.weft.api.Cancellable;
import dev.weft.api.Clock;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A manual clock that tells the test each timer set on it, so the test can move time exactly to
 * the end of a back-off once the scheduler has set its timer: no thread sleeps through one.
 */
final class DrivenClock implements Clock {

    private final ManualClock manual = new ManualClock();
    private final BlockingQueue<Duration> scheduled = new LinkedBlockingQueue<>();

    @Override
    public long nanoTime() {
        return manual.nanoTime();
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        // Set before announced, so a test that saw the delay can fire the timer.
        Cancellable timer = manual.schedule(delay, action);
        scheduled.add(delay);
        return timer;
    }

    /**
     * Waits for the scheduler to set its next timer; time does not move until {@link #advance}.
     *
     * @return the timer's delay
     */
    Duration awaitTimer() throws InterruptedException {
        Duration delay = scheduled.poll(5, TimeUnit.SECONDS);
        assertNotNull(delay, "no timer was set within 5s");
        return delay;
    }

    /** Moves time forward, firing the timers that fall due on this thread. */
    void advance(Duration by) {
        manual.advance(by);
    }

    /** @return whether a timer was set that {@link #awaitTimer} has not returned */
    boolean hasUnseenTimer() {
        return !scheduled.isEmpty();
    }
}
