package dev.weft.api;

import java.util.Objects;

/**
 * Payload of the events that concern one call and carry nothing else: {@code future-submitted},
 * {@code future-done}, {@code future-cancelled}, and the task's {@code done} and {@code cancelled}.
 *
 * @param future the call; never {@code null}
 * @since 0.1
 */
public record FutureEvent(TaskFuture<?> future) {
    /** Checks the call. */
    public FutureEvent {
        Objects.requireNonNull(future, "future");
    }
}
