package dev.weft.api;

/**
 * Where a call is in its life.
 *
 * @since 0.1
 */
public enum CallState {
    /** Submitted, not yet running (queued on the executor, or waiting for a retry). */
    PENDING,
    /** An attempt is running on a worker. */
    RUNNING,
    /** Ended with a result. */
    SUCCEEDED,
    /** Ended with an exception. */
    FAILED,
    /** Ended by cancellation. */
    CANCELLED;

    /**
     * Whether this state is terminal.
     *
     * @return true for {@link #SUCCEEDED}, {@link #FAILED} and {@link #CANCELLED}
     */
    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
