package dev.weft.api;

import java.util.List;

/**
 * The events every task emits, in the order its panel lists them. Plugins add their own.
 *
 * <h2>Ordering</h2>
 * {@code submitted} fires inside {@code submit()}, right after the scheduler's
 * {@code future-submitted}. At the end of a call, {@code done} then {@code result} or
 * {@code exception} fire right after the scheduler's {@code future-*} events for it; a
 * cancelled call fires only {@code cancelled}.
 *
 * @since 0.1
 */
public final class TaskEvents {

    /** A call of the task was submitted (not vetoed). */
    public static final EventType<SubmittedEvent> SUBMITTED = EventType.of("submitted", SubmittedEvent.class);
    /** A call ended with a result or an exception. */
    public static final EventType<FutureEvent> DONE = EventType.of("done", FutureEvent.class);
    /** A call returned a result. */
    public static final EventType<ResultEvent> RESULT = EventType.of("result", ResultEvent.class);
    /** A call failed. */
    public static final EventType<ExceptionEvent> EXCEPTION = EventType.of("exception", ExceptionEvent.class);
    /** A call was cancelled. */
    public static final EventType<FutureEvent> CANCELLED = EventType.of("cancelled", FutureEvent.class);

    /** All of them, in order. */
    public static final List<EventType<?>> ALL = List.of(SUBMITTED, DONE, RESULT, EXCEPTION, CANCELLED);

    private TaskEvents() {
    }
}
