package dev.weft.api;

/**
 * A duration written in the right form but out of range: negative, or too long. Kept apart from
 * a malformed one so that {@link Options} can pass its message on: "is not a number and a unit"
 * would be wrong for {@code -2s}.
 */
final class DurationRangeException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    DurationRangeException(String message) {
        super(message);
    }
}
