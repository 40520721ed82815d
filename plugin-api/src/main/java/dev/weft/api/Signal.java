package dev.weft.api;

/**
 * The payload of an event that carries nothing, such as {@code start} or {@code empty}.
 *
 * @since 0.1
 */
public record Signal() {
    /** The one instance worth having. */
    public static final Signal INSTANCE = new Signal();
}
