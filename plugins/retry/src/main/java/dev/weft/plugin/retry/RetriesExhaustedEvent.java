package dev.weft.plugin.retry;

import java.util.Objects;

/**
 * Payload of {@code retries-exhausted}: an attempt failed with a retryable cause, but the retry
 * plugin gave up, so the call fails with that cause.
 *
 * @param call the call's id ({@code TaskFuture.id()})
 * @param task the name of the task the call belongs to; never {@code null}
 * @param attempts how many attempts were made (within the retry plugin's scope)
 * @param cause why the last attempt failed; never {@code null}
 * @param limit the option that ran out: {@code max-attempts}, or {@code max-duration} when the
 *     next delay would have passed the budget; never {@code null}
 * @since 0.1
 */
public record RetriesExhaustedEvent(long call, String task, int attempts, Throwable cause, String limit) {
    /** Checks the arguments. */
    public RetriesExhaustedEvent {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(limit, "limit");
    }
}
