package dev.weft.api;

import java.util.Objects;

/**
 * Payload of a task's {@code submitted} event.
 *
 * @param future the call; never {@code null}
 * @param argument the argument it was submitted with; may be {@code null}
 * @since 0.1
 */
public record SubmittedEvent(TaskFuture<?> future, Object argument) {
    /** Checks the call. */
    public SubmittedEvent {
        Objects.requireNonNull(future, "future");
    }
}
