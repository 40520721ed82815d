package dev.weft.plugin.limiter;

import java.util.Objects;

/**
 * Payload of {@code disabled-due-to-running-task}: a call was vetoed because a task named in
 * {@code not-while-running} was running. The blocking task comes first, as in AMLTK.
 *
 * @param blocking the name of the running task that blocked the call; never {@code null}
 * @param task the name of the task whose call was vetoed; never {@code null}
 * @param argument the vetoed call's argument; may be {@code null}
 * @since 0.1
 */
public record DisabledDueToRunningTaskEvent(String blocking, String task, Object argument) {
    /** Checks the task names. */
    public DisabledDueToRunningTaskEvent {
        Objects.requireNonNull(blocking, "blocking");
        Objects.requireNonNull(task, "task");
    }
}
