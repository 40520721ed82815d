package dev.weft.api;

import java.util.Objects;
import java.util.Optional;

/**
 * Payload of the scheduler's {@code stop} event.
 *
 * @param reason why the scheduler stopped, as given to {@code stop(reason, cause)}; never {@code null}
 * @param cause the exception that caused the stop, if any; never {@code null}
 * @since 0.1
 */
public record StopEvent(String reason, Optional<Throwable> cause) {
    /** Checks the arguments. */
    public StopEvent {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(cause, "cause");
    }
}
