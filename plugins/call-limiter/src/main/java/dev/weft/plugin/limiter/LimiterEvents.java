package dev.weft.plugin.limiter;

import dev.weft.api.EventType;
import java.util.List;

/**
 * The events the call-limiter registers on its task. Each one means a call was vetoed:
 * {@code submit} returned empty and the call did not count towards {@code max-calls}.
 *
 * <h2>Ordering</h2>
 * The limits are checked in this order, and only the first that is hit emits:
 * {@code max-calls}, {@code max-concurrent}, then each {@code not-while-running} task in the
 * order given.
 *
 * @since 0.1
 */
public final class LimiterEvents {

    /** The task already made {@code max-calls} calls. */
    public static final EventType<CallLimitReachedEvent> CALL_LIMIT_REACHED =
            EventType.of("call-limit-reached", CallLimitReachedEvent.class);
    /** {@code max-concurrent} calls of the task are submitted and not yet ended. */
    public static final EventType<ConcurrentLimitReachedEvent> CONCURRENT_LIMIT_REACHED =
            EventType.of("concurrent-limit-reached", ConcurrentLimitReachedEvent.class);
    /** A task named in {@code not-while-running} is running. */
    public static final EventType<DisabledDueToRunningTaskEvent> DISABLED_DUE_TO_RUNNING_TASK =
            EventType.of("disabled-due-to-running-task", DisabledDueToRunningTaskEvent.class);

    /** All of them, in the order the limits are checked. */
    public static final List<EventType<?>> ALL =
            List.of(CALL_LIMIT_REACHED, CONCURRENT_LIMIT_REACHED, DISABLED_DUE_TO_RUNNING_TASK);

    private LimiterEvents() {
    }
}
