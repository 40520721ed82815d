package dev.weft.api;

/**
 * One attempt of a call, as {@link TaskPlugin#around} wraps it on the worker.
 *
 * <p>Not intended to be implemented by clients.
 *
 * @since 0.1
 */
public interface Invocation {

    /** @return the call this attempt belongs to */
    TaskFuture<?> call();

    /** @return this attempt's number, 1 for the first */
    int attempt();

    /**
     * Runs the rest of the chain and the function. Call it exactly once.
     *
     * @return what the function returned
     * @throws Exception what the function threw
     * @throws PluginException if called a second time
     */
    Object proceed() throws Exception;

    /**
     * This plugin's scope within the call: a plugin outside the one that retries keeps one scope
     * across all attempts; a plugin inside it gets a new scope for each attempt.
     *
     * @return the scope, never {@code null}
     */
    CallScope scope();
}
