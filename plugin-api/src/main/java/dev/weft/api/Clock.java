package dev.weft.api;

import java.time.Duration;

/**
 * Where a scheduler and its plugins read time and set timers, so that tests can drive time
 * instead of sleeping.
 *
 * <p>The scheduler's clock is the only source of time for its run timeout, {@code callLater},
 * retry back-off and call timeouts. The system clock uses one shared daemon timer thread for
 * all timers; a {@link ManualClock} fires its timers when a test advances it.
 *
 * <h2>Threading</h2>
 * Implementations are thread-safe. Timer actions run on the clock's own thread (the caller of
 * {@code advance} for a manual clock), never on the scheduler's loop: an action that needs the
 * loop posts to it.
 *
 * @since 0.1
 */
public interface Clock {

    /**
     * A monotonic time in nanoseconds, only meaningful as a difference between two readings.
     *
     * @return the current reading
     */
    long nanoTime();

    /**
     * Runs an action once after a delay.
     *
     * @param delay how long to wait; zero or negative runs it as soon as possible; never {@code null}
     * @param action what to run; it should be short and must not block; never {@code null}
     * @return a handle that cancels the timer
     */
    Cancellable schedule(Duration delay, Runnable action);
}
