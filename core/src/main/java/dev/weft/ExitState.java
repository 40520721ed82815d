package dev.weft;

import java.util.Objects;
import java.util.Optional;

/**
 * How a run ended, as {@code run()} returns it.
 *
 * @param code why it ended; never {@code null}
 * @param exception the exception behind it, for {@code EXCEPTION} and {@code CANCELLED}, or the
 *     cause given to {@code stop(reason, cause)}; never {@code null}
 * @since 0.1
 */
public record ExitState(Code code, Optional<Throwable> exception) {

    /** Checks the arguments. */
    public ExitState {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(exception, "exception");
    }

    /**
     * A state without an exception.
     *
     * @param code the code
     * @return the state
     */
    public static ExitState of(Code code) {
        return new ExitState(code, Optional.empty());
    }

    /** Why a run ended. */
    public enum Code {
        /** {@code stop()} was called. */
        STOPPED,
        /** The run's timeout elapsed first. */
        TIMEOUT,
        /** The queue became empty (with {@code endOnEmpty}). */
        EXHAUSTED,
        /** A call was cancelled and the cancellation policy said {@link Action#END}. */
        CANCELLED,
        /** A call or callback failed and the exception policy said {@link Action#END}. */
        EXCEPTION,
        /** None of the above; not expected. */
        UNKNOWN
    }
}
