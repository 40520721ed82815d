package dev.weft;

/**
 * What a run does when a call fails, a callback throws, or a call is cancelled.
 *
 * @since 0.1
 */
public enum Action {
    /** Stop the run; once it has finished, {@code run()} throws the exception. */
    RAISE,
    /** Stop the run; {@code run()} returns an {@link ExitState} holding the exception. */
    END,
    /** Keep running; the exception is only reported through its events and the log. */
    CONTINUE
}
