package dev.weft.api;

import java.util.Objects;

/**
 * Payload of {@code future-exception} and a task's {@code exception}.
 *
 * @param future the call that failed; never {@code null}
 * @param exception why it failed (after retries: the last cause, earlier ones suppressed); never {@code null}
 * @since 0.1
 */
public record ExceptionEvent(TaskFuture<?> future, Throwable exception) {
    /** Checks the arguments. */
    public ExceptionEvent {
        Objects.requireNonNull(future, "future");
        Objects.requireNonNull(exception, "exception");
    }
}
