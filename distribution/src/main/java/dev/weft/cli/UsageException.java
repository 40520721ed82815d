package dev.weft.cli;

/** A problem with what the user asked for (a missing file, a bad jar): exit code 2, nothing ran. */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }

    UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
