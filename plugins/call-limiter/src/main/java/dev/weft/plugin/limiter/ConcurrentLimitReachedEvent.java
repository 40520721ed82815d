package dev.weft.plugin.limiter;

import java.util.Objects;

/**
 * Payload of {@code concurrent-limit-reached}: a call was vetoed because {@code max-concurrent}
 * calls of the task were already submitted and not yet ended.
 *
 * @param task the name of the task whose call was vetoed; never {@code null}
 * @param argument the vetoed call's argument; may be {@code null}
 * @since 0.1
 */
public record ConcurrentLimitReachedEvent(String task, Object argument) {
    /** Checks the task. */
    public ConcurrentLimitReachedEvent {
        Objects.requireNonNull(task, "task");
    }
}
