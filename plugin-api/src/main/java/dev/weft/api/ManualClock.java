package dev.weft.api;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.PriorityQueue;

/**
 * A clock that moves only when told to, so tests can drive timeouts, back-off and run limits
 * without sleeping.
 *
 * <p>{@link #advance(Duration)} moves time forward and runs every timer that falls due, in due
 * order (timers due at the same time in the order they were set), on the calling thread; a timer
 * with a zero or negative delay is due now, and runs at the next advance, even one by zero.
 * Give it to a scheduler ({@code Scheduler.builder().clock(...)}) or straight to a plugin's
 * context. Thread-safe: timer actions run outside its lock.
 *
 * @since 0.1
 */
public final class ManualClock implements Clock {

    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private long now;
    private long sequence;

    /** A clock reading zero, with no timers. */
    public ManualClock() {
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
            synchronized (ManualClock.this) {
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
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(action, "action");
        Timer timer = new Timer(now + Math.max(0, delay.toNanos()), sequence++, action);
        timers.add(timer);
        return timer;
    }

    /**
     * Moves time forward, running each timer that falls due on this thread. A timer set by an
     * action runs in the same call if it falls due within the advance.
     *
     * <p>An action that throws ends the advance: the exception comes out of this call, time stays
     * at that timer's due time, and the later timers stay set for the next advance. (A plugin's
     * timers set through a scheduler never throw here: the scheduler reports their exceptions as
     * the plugin's {@code plugin-error}.)
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

    /** @return how many timers are set and have neither run nor been cancelled */
    public synchronized int pendingTimers() {
        return timers.size();
    }

    /** @return when the earliest waiting timer falls due, as a {@link #nanoTime()} reading; empty when none waits */
    public synchronized OptionalLong nextDueNanos() {
        Timer next = timers.peek();
        return next == null ? OptionalLong.empty() : OptionalLong.of(next.due);
    }

    @Override
    public String toString() {
        return "manual clock at " + Duration.ofNanos(nanoTime());
    }
}
