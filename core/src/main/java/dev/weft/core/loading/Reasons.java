package dev.weft.core.loading;

import java.lang.reflect.InvocationTargetException;
import java.util.ServiceConfigurationError;

/** Turns exceptions into the one-line reasons that listings show. */
final class Reasons {

    private Reasons() {
    }

    /**
     * @param e what went wrong
     * @return the innermost useful message on one line, such as {@code IllegalStateException: boom}
     */
    static String of(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t
                && (t instanceof ServiceConfigurationError || t instanceof ExceptionInInitializerError
                || t instanceof InvocationTargetException || t.getMessage() == null
                || t.getClass().getName().startsWith("org.pf4j."))) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? "" : t.getMessage();
        String kind = t.getClass().getSimpleName();
        boolean plain = t instanceof LoadFailure || t.getClass().getName().startsWith("org.pf4j.");
        String line = plain ? message : kind + (message.isEmpty() ? "" : ": " + message);
        return line.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    /** A failure whose message is already the reason to show. */
    static final class LoadFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LoadFailure(String reason) {
            super(reason);
        }

        LoadFailure(String reason, Throwable cause) {
            super(reason, cause);
        }
    }
}
