package dev.weft.testkit;

import dev.weft.api.Cancellable;
import dev.weft.api.Clock;
import dev.weft.api.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ManualClock} that also records every timer set on it, so a test can assert on the
 * delays a plugin asked for and wait until a timer is set before it moves time.
 *
 * <p>Time and timers behave exactly as the API's {@link ManualClock}, which this clock uses: it
 * reads zero until {@link #advance(Duration)} moves it, and {@code advance} runs each timer that
 * falls due, in due order, on the calling thread. So a {@code FakeClock} can also be given to a
 * real scheduler.
 *
 * <h2>Waiting for a timer</h2>
 * When the code under test sets its timers on another thread (a scheduler's loop, a worker),
 * {@link #awaitTimer(Duration)} lets the test wait until the next timer is set before it moves
 * time, so no test sleeps through a delay. Each timer set is handed to one await, in order.
 *
 * <h2>Threading</h2>
 * Thread-safe. Timer actions run on the thread that calls {@code advance}, outside the clock's lock.
 * An action that throws propagates out of {@code advance}, so a plugin's timer bug fails the
 * test; a scheduler reports it as the plugin's {@code plugin-error} instead.
 *
 * @since 0.1
 */
public final class FakeClock implements Clock {

    private final ManualClock clock = new ManualClock();
    private final List<Duration> scheduled = new ArrayList<>();
    private final BlockingQueue<Duration> unseen = new LinkedBlockingQueue<>();

    /** A clock reading zero, with no timers. */
    public FakeClock() {
    }

    /**
     * The current reading: the sum of every advance so far.
     *
     * @return nanoseconds since the clock was made
     */
    @Override
    public long nanoTime() {
        return clock.nanoTime();
    }

    /**
     * Sets a timer that runs when an advance reaches its due time, and records its delay.
     *
     * @param delay how long from now; zero or negative is due now (it runs on the next advance,
     *     even an advance by zero); never {@code null}
     * @param action what to run; never {@code null}
     * @return a handle that removes the timer unless it already ran
     */
    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(action, "action");
        Cancellable timer;
        synchronized (this) {
            timer = clock.schedule(delay, action);
            scheduled.add(delay);
        }
        // Announced only once set, so a test that saw the delay can fire the timer.
        unseen.add(delay);
        return timer;
    }

    /**
     * Moves time forward, running each timer that falls due on this thread.
     *
     * @param duration how far; not negative; never {@code null}
     * @throws IllegalArgumentException if negative
     */
    public void advance(Duration duration) {
        clock.advance(duration);
    }

    /**
     * How many timers are set and have neither run nor been cancelled.
     *
     * @return the number of waiting timers
     */
    public int pendingTimers() {
        return clock.pendingTimers();
    }

    /**
     * When the earliest waiting timer falls due, as a {@link #nanoTime()} reading.
     *
     * @return the earliest due time, empty when no timer waits
     */
    public OptionalLong nextDueNanos() {
        return clock.nextDueNanos();
    }

    /**
     * The delay of every timer ever set on this clock, in the order they were set, including
     * those that ran or were cancelled.
     *
     * @return a snapshot, never {@code null}
     */
    public synchronized List<Duration> scheduledDelays() {
        return Collections.unmodifiableList(new ArrayList<>(scheduled));
    }

    /**
     * Waits until a timer is set that no earlier await returned, and returns its delay. Time does
     * not move while it waits.
     *
     * @param within how long to wait at most, in real time; never {@code null}
     * @return the timer's delay
     * @throws AssertionError if no timer is set within the wait
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public Duration awaitTimer(Duration within) throws InterruptedException {
        Objects.requireNonNull(within, "within");
        Duration delay = unseen.poll(within.toNanos(), TimeUnit.NANOSECONDS);
        if (delay == null) {
            throw new AssertionError("no timer was set within " + within);
        }
        return delay;
    }

    /**
     * Waits until a timer of the given delay is set, passing over (and using up) timers of other
     * delays that no earlier await returned.
     *
     * @param delay the delay to wait for; never {@code null}
     * @param within how long to wait at most, in real time; never {@code null}
     * @return true once such a timer was set, false if none was within the wait
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public boolean awaitTimerOf(Duration delay, Duration within) throws InterruptedException {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(within, "within");
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            Duration next = unseen.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (next == null) {
                return false;
            }
            if (next.equals(delay)) {
                return true;
            }
        }
    }

    /**
     * Whether a timer was set that no await has returned yet.
     *
     * @return true if {@link #awaitTimer} would return at once
     */
    public boolean hasUnseenTimer() {
        return !unseen.isEmpty();
    }

    @Override
    public String toString() {
        return "fake clock at " + Duration.ofNanos(nanoTime()) + " with " + pendingTimers() + " timers";
    }
}
