package dev.weft.plugin.timeout;

import java.time.Duration;
import java.util.Objects;

/**
 * Payload of the {@code timeout} event: a call (or an attempt) ran past its limit and was failed
 * with a {@link dev.weft.api.TaskTimeoutException}.
 *
 * @param call the call's id ({@link dev.weft.api.TaskFuture#id()})
 * @param task the task's name; never {@code null}
 * @param limit the limit it ran past; never {@code null}
 * @param elapsed how long it had run when the limit hit; never {@code null}
 * @since 0.1
 */
public record TimeoutEvent(long call, String task, Duration limit, Duration elapsed) {
    /** Checks the arguments. */
    public TimeoutEvent {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(elapsed, "elapsed");
    }
}
