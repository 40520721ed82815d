package dev.weft.plugin.trace;

import dev.weft.api.EventType;
import java.util.List;

/**
 * The events the {@code trace} plugin registers on its task.
 *
 * @since 0.1
 */
public final class TraceEvents {

    /** The trace file was written: when the scheduler finished, and every {@code flush-every}. */
    public static final EventType<TraceWrittenEvent> TRACE_WRITTEN =
            EventType.of("trace-written", TraceWrittenEvent.class);

    /** All of them. */
    public static final List<EventType<?>> ALL = List.of(TRACE_WRITTEN);

    private TraceEvents() {
    }
}
