package dev.weft.plugin.retry;

import dev.weft.api.EventType;
import java.util.List;

/**
 * The events the retry plugin registers on its task.
 *
 * <h2>Ordering</h2>
 * For one call: a {@code retry} for each failed attempt that is tried again, then, if the last
 * attempt failed, at most one of {@code retries-exhausted} and {@code retry-aborted}. All of
 * them fire before the call's terminal events ({@code exception} or {@code result}), which fire
 * once per call. A failure that is neither retried nor aborted (an {@link Error}, or a cause
 * {@code retry-on} does not name) emits none of them.
 *
 * @since 0.1
 */
public final class RetryEvents {

    /** An attempt failed; the call will be tried again after a delay. */
    public static final EventType<RetryEvent> RETRY = EventType.of("retry", RetryEvent.class);
    /** An attempt failed and the plugin gave up: attempts used up or out of time budget. */
    public static final EventType<RetriesExhaustedEvent> RETRIES_EXHAUSTED =
            EventType.of("retries-exhausted", RetriesExhaustedEvent.class);
    /** An attempt failed with a cause named in {@code abort-on}. */
    public static final EventType<RetryAbortedEvent> RETRY_ABORTED =
            EventType.of("retry-aborted", RetryAbortedEvent.class);

    /** All of them. */
    public static final List<EventType<?>> ALL = List.of(RETRY, RETRIES_EXHAUSTED, RETRY_ABORTED);

    private RetryEvents() {
    }
}
