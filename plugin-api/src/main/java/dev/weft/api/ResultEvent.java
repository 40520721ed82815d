package dev.weft.api;

import java.util.Objects;

/**
 * Payload of {@code future-result} and a task's {@code result}.
 *
 * @param future the call that succeeded; never {@code null}
 * @param result what it returned; may be {@code null}
 * @since 0.1
 */
public record ResultEvent(TaskFuture<?> future, Object result) {
    /** Checks the call. */
    public ResultEvent {
        Objects.requireNonNull(future, "future");
    }
}
