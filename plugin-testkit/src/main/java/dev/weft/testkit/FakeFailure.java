package dev.weft.testkit;

import dev.weft.api.CallScope;
import dev.weft.api.Failure;
import dev.weft.api.TaskFuture;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A failed attempt ({@link Failure}), for {@code onFailure}, that records the retry the plugin
 * asked for, if any. No retry runs.
 *
 * <p>Stricter than the scheduler: a second {@link #retryAfter} throws, since a plugin that asks
 * twice has lost track of its decision. Not thread-safe: like {@code onFailure}, use it from one
 * thread.
 *
 * @since 0.1
 */
public final class FakeFailure implements Failure {

    private final TaskFuture<?> call;
    private final int attempt;
    private final Throwable error;
    private final CallScope scope;
    private Duration retryDelay;

    /**
     * Creates a failed attempt.
     *
     * @param call the call; never {@code null}
     * @param attempt the number of the attempt that failed, 1 for the first
     * @param error why it failed; never {@code null}
     * @param scope the plugin's scope within the call, such as a {@link FakeCallScope}; never {@code null}
     */
    public FakeFailure(TaskFuture<?> call, int attempt, Throwable error, CallScope scope) {
        this.call = Objects.requireNonNull(call, "call");
        this.attempt = attempt;
        this.error = Objects.requireNonNull(error, "error");
        this.scope = Objects.requireNonNull(scope, "scope");
    }

    @Override
    public TaskFuture<?> call() {
        return call;
    }

    @Override
    public int attempt() {
        return attempt;
    }

    @Override
    public Throwable error() {
        return error;
    }

    @Override
    public CallScope scope() {
        return scope;
    }

    /**
     * Records the retry.
     *
     * @param delay the back-off; not negative; never {@code null}
     * @throws IllegalArgumentException if negative
     * @throws IllegalStateException if the plugin already asked for a retry of this failure
     */
    @Override
    public void retryAfter(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("retry delay must not be negative, got " + delay);
        }
        if (retryDelay != null) {
            throw new IllegalStateException("retryAfter called twice, with " + retryDelay + " then " + delay);
        }
        retryDelay = delay;
    }

    /**
     * The retry the plugin asked for.
     *
     * @return the delay given to {@link #retryAfter}, empty if the plugin let the failure stand
     */
    public Optional<Duration> retryDelay() {
        return Optional.ofNullable(retryDelay);
    }

    @Override
    public String toString() {
        return "FakeFailure[call " + call.id() + ", attempt " + attempt + ", " + error
                + (retryDelay == null ? "" : ", retry after " + retryDelay) + "]";
    }
}
