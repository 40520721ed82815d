package dev.weft.plugin.timeout;

import dev.weft.api.EventType;
import java.util.List;

/**
 * The events the {@code timeout} plugin registers on its task.
 *
 * <h2>Ordering</h2>
 * {@code timeout} is emitted once per timed-out scope, after the scope was failed; the call's
 * terminal events may come before or after it. {@code timeout-ignored} comes later, when the
 * abandoned function finally returns, possibly after the call's terminal events.
 *
 * @since 0.1
 */
public final class TimeoutEvents {

    /** A call (or an attempt) ran past its limit. */
    public static final EventType<TimeoutEvent> TIMEOUT = EventType.of("timeout", TimeoutEvent.class);
    /** A timed-out function ignored the interrupt and has now returned. */
    public static final EventType<TimeoutIgnoredEvent> TIMEOUT_IGNORED =
            EventType.of("timeout-ignored", TimeoutIgnoredEvent.class);

    /** Both, in the order the task's panel lists them. */
    public static final List<EventType<?>> ALL = List.of(TIMEOUT, TIMEOUT_IGNORED);

    private TimeoutEvents() {
    }
}
