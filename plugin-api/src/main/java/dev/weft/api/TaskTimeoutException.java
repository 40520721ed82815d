package dev.weft.api;

import java.time.Duration;
import java.util.Objects;

/**
 * A call (or one attempt of it) ran past its time limit.
 *
 * @since 0.1
 */
public class TaskTimeoutException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Duration limit;
    private final Duration elapsed;

    /**
     * Creates the exception.
     *
     * @param limit the limit that was exceeded; never {@code null}
     * @param elapsed how long the call had run when the limit hit; never {@code null}
     */
    public TaskTimeoutException(Duration limit, Duration elapsed) {
        super("call exceeded its time limit of " + Durations.format(limit) + " (ran " + Durations.format(elapsed) + ")");
        this.limit = Objects.requireNonNull(limit, "limit");
        this.elapsed = Objects.requireNonNull(elapsed, "elapsed");
    }

    /** @return the limit that was exceeded */
    public Duration limit() {
        return limit;
    }

    /** @return how long the call had run when the limit hit */
    public Duration elapsed() {
        return elapsed;
    }
}
