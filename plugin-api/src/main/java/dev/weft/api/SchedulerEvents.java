package dev.weft.api;

import java.util.List;

/**
 * The events a scheduler emits, in the order its event tree lists them.
 *
 * <h2>Ordering</h2>
 * A run emits {@link #START} first and {@link #FINISHED} last. For one call, the scheduler's
 * {@code future-*} events come right before the task's own events for the same moment:
 * {@code future-submitted} then {@code submitted}; {@code future-done}, {@code future-result}
 * (or {@code future-exception}), then {@code done}, {@code result} (or {@code exception});
 * {@code future-cancelled} then {@code cancelled}. Every submitted call ends in exactly one of
 * {@code future-result}, {@code future-exception} and {@code future-cancelled}.
 *
 * @since 0.1
 */
public final class SchedulerEvents {

    /** The run began; emitted first, on the loop thread. */
    public static final EventType<Signal> START = EventType.of("start", Signal.class);
    /** The run is about to shut down: after {@link #STOP} or {@link #TIMEOUT}, before the executor stops. */
    public static final EventType<Signal> FINISHING = EventType.of("finishing", Signal.class);
    /** The executor has stopped; emitted last. */
    public static final EventType<Signal> FINISHED = EventType.of("finished", Signal.class);
    /** The run was stopped by {@code stop(...)} or by the exception policy. */
    public static final EventType<StopEvent> STOP = EventType.of("stop", StopEvent.class);
    /** The run's timeout elapsed before it stopped or ran out of work. */
    public static final EventType<Signal> TIMEOUT = EventType.of("timeout", Signal.class);
    /** The queue of calls became empty. */
    public static final EventType<Signal> EMPTY = EventType.of("empty", Signal.class);
    /** A call was submitted. */
    public static final EventType<FutureEvent> FUTURE_SUBMITTED = EventType.of("future-submitted", FutureEvent.class);
    /** A call ended with a result or an exception (not when cancelled). */
    public static final EventType<FutureEvent> FUTURE_DONE = EventType.of("future-done", FutureEvent.class);
    /** A call was cancelled; instead of {@link #FUTURE_DONE}. */
    public static final EventType<FutureEvent> FUTURE_CANCELLED = EventType.of("future-cancelled", FutureEvent.class);
    /** A call failed; after {@link #FUTURE_DONE}. */
    public static final EventType<ExceptionEvent> FUTURE_EXCEPTION = EventType.of("future-exception", ExceptionEvent.class);
    /** A call returned a result; after {@link #FUTURE_DONE}. */
    public static final EventType<ResultEvent> FUTURE_RESULT = EventType.of("future-result", ResultEvent.class);
    /** A plugin hook threw or broke its contract; the call it concerned fails with a {@link PluginException}. */
    public static final EventType<PluginErrorEvent> PLUGIN_ERROR = EventType.of("plugin-error", PluginErrorEvent.class);

    /** All of them, in the order of the event tree (AMLTK's creation order, then {@code plugin-error}). */
    public static final List<EventType<?>> ALL = List.of(START, FINISHING, FINISHED, STOP, TIMEOUT, EMPTY,
            FUTURE_SUBMITTED, FUTURE_DONE, FUTURE_CANCELLED, FUTURE_EXCEPTION, FUTURE_RESULT, PLUGIN_ERROR);

    private SchedulerEvents() {
    }
}
