package dev.weft.plugin.limiter;

import java.util.Objects;

/**
 * Payload of {@code call-limit-reached}: a call was vetoed because the task already made
 * {@code max-calls} calls.
 *
 * @param task the name of the task whose call was vetoed; never {@code null}
 * @param argument the vetoed call's argument; may be {@code null}
 * @since 0.1
 */
public record CallLimitReachedEvent(String task, Object argument) {
    /** Checks the task. */
    public CallLimitReachedEvent {
        Objects.requireNonNull(task, "task");
    }
}
