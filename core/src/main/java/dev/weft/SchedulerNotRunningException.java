package dev.weft;

/**
 * A call was submitted (or a timer set) while the scheduler was not running. Guard
 * re-submission in callbacks with {@code if (scheduler.running())}.
 *
 * @since 0.1
 */
public class SchedulerNotRunningException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** @param message what was attempted */
    public SchedulerNotRunningException(String message) {
        super(message);
    }
}
