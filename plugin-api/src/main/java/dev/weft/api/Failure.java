package dev.weft.api;

import java.time.Duration;

/**
 * A failed attempt, given to {@link TaskPlugin#onFailure} on the loop thread.
 *
 * <p>Not intended to be implemented by clients.
 *
 * @since 0.1
 */
public interface Failure {

    /** @return the call */
    TaskFuture<?> call();

    /** @return the number of the attempt that failed, 1 for the first */
    int attempt();

    /** @return why it failed; never {@code null} */
    Throwable error();

    /** @return this plugin's scope within the call, whose state lives across the retries it makes */
    CallScope scope();

    /**
     * Retries the call after a delay, in a new attempt that runs through the whole chain again
     * (every plugin's {@code around} sees it); the plugins inside this one get new scopes, the
     * ones outside keep theirs. No thread waits through the delay.
     *
     * @param delay the back-off; not negative; never {@code null}
     * @throws IllegalArgumentException if {@code delay} is negative
     * @throws IllegalStateException if this plugin already asked to retry this failure (the call
     *     then fails with a {@link PluginException}, as for any exception thrown by {@code onFailure})
     */
    void retryAfter(Duration delay);
}
