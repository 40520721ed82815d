package dev.weft.plugin.retry;

import java.util.Objects;

/**
 * Payload of {@code retry-aborted}: an attempt failed with a cause {@code abort-on} names, so
 * the call fails at once without further attempts.
 *
 * @param call the call's id ({@code TaskFuture.id()})
 * @param task the name of the task the call belongs to; never {@code null}
 * @param attempt the number of the attempt that failed, 1 for the first (counted within the
 *     retry plugin's scope)
 * @param cause why the attempt failed; never {@code null}
 * @since 0.1
 */
public record RetryAbortedEvent(long call, String task, int attempt, Throwable cause) {
    /** Checks the arguments. */
    public RetryAbortedEvent {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(cause, "cause");
    }
}
