package dev.weft.testkit;

import dev.weft.api.Cancellable;
import dev.weft.api.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.PriorityQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Clock} that moves only when a test advances it, and records every timer set on it.
 *
 * <p>It reads zero until {@link #advance(Duration)} moves it. {@code advance} runs each timer that
 * falls due, in due order (timers due at the same time in the order they were set), on the
 * calling thread; a timer set by a timer action runs in the same call if it falls due within the
 * advance. That is how the scheduler's own manual clock behaves, so a {@code FakeClock} can also
 * be given to a real scheduler.
 *
 * <h2>Waiting for a timer</h2>
 * When the code under test sets its timers on another thread (a scheduler's loop, a worker),
 * {@link #awaitTimer(Duration)} lets the test wait until the next timer is set before it moves
 * time, so no test sleeps through a delay. Each timer set is handed to one await, in order.
 *
 * <h2>Threading</h2>
 * Thread-safe. Timer actions run on the thread that calls {@code advance}, outside the clock's lock.
 *
 * @since 0.1
 */
public final class FakeClock implements Clock {

    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private final List<Duration> scheduled = new ArrayList<>();
    private final BlockingQueue<Duration> unseen = new LinkedBlockingQueue<>();
    private long now;
    private long sequence;

    /** A clock reading zero, with no timers. */
    public FakeClock() {
    }

    private final class Timer implements Comparable<Timer>, Cancellable {
        final long due;
        final long order;
        final Runnable action;

        Timer(long due, long order, Runnable action) {
            this.due = due;
            this.order = order;
            this.action = action;
        }

        @Override
        public int compareTo(Timer other) {
            int byDue = Long.compare(due, other.due);
            return byDue != 0 ? byDue : Long.compare(order, other.order);
        }

        @Override
        public boolean cancel() {
            synchronized (FakeClock.this) {
                return timers.remove(this);
            }
        }
    }

    /**
     * The current reading: the sum of every advance so far.
     *
     * @return nanoseconds since the clock was made
     */
    @Override
    public synchronized long nanoTime() {
        return now;
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
        Timer timer;
        synchronized (this) {
            timer = new Timer(now + Math.max(0, delay.toNanos()), sequence++, action);
            timers.add(timer);
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
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative, got " + duration);
        }
        long target;
        synchronized (this) {
            target = now + duration.toNanos();
        }
        while (true) {
            Timer next;
            synchronized (this) {
                next = timers.peek();
                if (next == null || next.due > target) {
                    now = target;
                    return;
                }
                timers.poll();
                now = Math.max(now, next.due);
            }
            next.action.run();
        }
    }

    /**
     * How many timers are set and have neither run nor been cancelled.
     *
     * @return the number of waiting timers
     */
    public synchronized int pendingTimers() {
        return timers.size();
    }

    /**
     * When the earliest waiting timer falls due, as a {@link #nanoTime()} reading.
     *
     * @return the earliest due time, empty when no timer waits
     */
    public synchronized OptionalLong nextDueNanos() {
        Timer next = timers.peek();
        return next == null ? OptionalLong.empty() : OptionalLong.of(next.due);
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
