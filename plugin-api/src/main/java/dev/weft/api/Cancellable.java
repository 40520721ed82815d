package dev.weft.api;

/**
 * Something scheduled that can still be called off, such as a {@link Clock} timer or a
 * {@code callLater} action.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface Cancellable {

    /**
     * Calls it off. Has no effect once it ran or was cancelled.
     *
     * @return true if this call prevented it from running
     */
    boolean cancel();
}
