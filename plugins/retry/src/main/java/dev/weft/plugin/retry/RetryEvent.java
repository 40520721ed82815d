package dev.weft.plugin.retry;

import java.time.Duration;
import java.util.Objects;

/**
 * Payload of {@code retry}: an attempt failed and the call will be tried again after a delay.
 *
 * @param call the call's id ({@code TaskFuture.id()})
 * @param task the name of the task the call belongs to; never {@code null}
 * @param attempt the number of the attempt that failed, 1 for the first (counted within the
 *     retry plugin's scope)
 * @param cause why the attempt failed; never {@code null}
 * @param delay how long until the next attempt; never {@code null}
 * @since 0.1
 */
public record RetryEvent(long call, String task, int attempt, Throwable cause, Duration delay) {
    /** Checks the arguments. */
    public RetryEvent {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(delay, "delay");
    }
}
