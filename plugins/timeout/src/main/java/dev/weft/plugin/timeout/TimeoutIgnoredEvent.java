package dev.weft.plugin.timeout;

import java.time.Duration;
import java.util.Objects;

/**
 * Payload of the {@code timeout-ignored} event: a call that timed out did not stop when asked,
 * held its worker thread, and has now returned (or thrown something other than an interruption).
 *
 * @param call the call's id ({@link dev.weft.api.TaskFuture#id()})
 * @param task the task's name; never {@code null}
 * @param ranFor how long it ran in all, from when its limit began counting; never {@code null}
 * @since 0.1
 */
public record TimeoutIgnoredEvent(long call, String task, Duration ranFor) {
    /** Checks the arguments. */
    public TimeoutIgnoredEvent {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(ranFor, "ranFor");
    }
}
