package dev.weft.api;

/**
 * A plugin of one task: it shapes every call the task makes through the task's lifecycle hooks.
 * Every hook is optional.
 *
 * <h2>Lifecycle</h2>
 * <pre>
 * attach(task)            once, when the plugin joins a task: register event types, subscribe handlers
 * submit(arg)
 *   beforeSubmit(call)    each plugin in chain order: accept, or veto with a reason
 *   -- events: future-submitted, submitted
 * worker:
 *   around(invocation)    each plugin in chain order, outer to inner, around the function
 * loop:
 *   onFailure(failure)    inner to outer: fail, or retry after a delay
 *   -- events: future-done/-result/-exception/-cancelled, then done/result/exception/cancelled
 * describe(panel)         whenever the event tree is rendered
 * </pre>
 *
 * <h2>Ordering</h2>
 * A chain is written outer to inner. {@code [retry, timeout]} nests as
 * {@code retry(timeout(fn))}: each attempt gets its own time limit. {@code [timeout, retry]} nests
 * as {@code timeout(retry(fn))}: one limit covers all attempts, and a retry still waiting when
 * it runs out is dropped. A failure raised by a plugin (such as a timeout) is offered only to
 * the plugins outside it.
 *
 * <h2>Threading</h2>
 * {@link #beforeSubmit} and {@link #onFailure}, and every handler a plugin subscribes, run on the
 * scheduler's loop thread, one at a time, so plugin state needs no locks unless {@code around}
 * touches it. {@link #attach} runs on the thread that makes the task, before any call.
 * {@code around} runs on the worker that runs the function; {@code describe} on whichever thread
 * renders the tree (the loop when rendered from a callback), so read counters it shows from
 * fields that are safe to read from another thread (volatile or atomic).
 *
 * <h2>Errors</h2>
 * A hook that throws, or an {@code around} that does not call {@code proceed()} exactly once,
 * fails the call it concerned with a {@link PluginException} naming this plugin and the hook, and
 * the scheduler emits {@code plugin-error}. The scheduler keeps running.
 *
 * @since 0.1
 */
public interface TaskPlugin {

    /**
     * The plugin's name, as in configuration files and the event tree ({@code call-limiter}).
     *
     * @return the name, never {@code null}
     */
    String name();

    /**
     * Joins the task: register this plugin's event types and subscribe (usually hidden) handlers.
     *
     * @param task the task's context; never {@code null}
     * @throws Exception to refuse the task; the task is then not created
     */
    default void attach(TaskContext task) throws Exception {
    }

    /**
     * Decides whether a call may be submitted. Veto it with {@link Submission#veto(String)}; a
     * vetoed call is not submitted and later plugins are not asked.
     *
     * @param submission the call about to be submitted; never {@code null}
     * @throws Exception a fault; the call then fails with a {@link PluginException}
     */
    default void beforeSubmit(Submission submission) throws Exception {
    }

    /**
     * Wraps one attempt of a call where it runs. Must call {@link Invocation#proceed()} exactly
     * once and should return what it returned.
     *
     * @param invocation the attempt; never {@code null}
     * @return the attempt's result
     * @throws Exception what the attempt threw, or a failure of this plugin's own
     */
    default Object around(Invocation invocation) throws Exception {
        return invocation.proceed();
    }

    /**
     * Sees an attempt's failure and may retry the call with {@link Failure#retryAfter}. Plugins
     * are asked inner to outer; the first that retries wins.
     *
     * @param failure the failed attempt; never {@code null}
     * @throws Exception a fault; the call then fails with a {@link PluginException}
     */
    default void onFailure(Failure failure) throws Exception {
    }

    /**
     * Adds this plugin's rows to its panel in the event tree, such as {@code Calls 3/10}.
     *
     * @param panel the panel; never {@code null}
     */
    default void describe(Panel panel) {
    }
}
