package dev.weft;

/**
 * Thrown by {@code run()} when the policy said {@link Action#RAISE} for a checked exception; its
 * cause is that exception. Unchecked exceptions and errors are rethrown as they are.
 *
 * @since 0.1
 */
public class RunFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param cause the exception that ended the run; never {@code null} */
    public RunFailedException(Throwable cause) {
        super("run ended by " + cause, cause);
    }
}
