package dev.weft;

/**
 * A job that {@code weft run} runs: it defines tasks and callbacks on the scheduler it is given,
 * and the scheduler's run does the rest.
 *
 * <h2>Packaging</h2>
 * A workflow is a {@link java.util.ServiceLoader} service. Put the implementation in a jar whose
 * {@code module-info} says {@code provides dev.weft.Workflow with com.example.MySearch;} (or, for
 * a plain jar, list the class in {@code META-INF/services/dev.weft.Workflow}) and run
 * {@code weft run my-search.jar}. The jar is loaded in its own {@link ModuleLayer} on top of weft's
 * modules, so it may {@code requires dev.weft.core} and nothing else.
 *
 * <h2>Invocation Contract</h2>
 * <ol>
 *   <li>The runner makes the scheduler (its executor and each task's plugin chain come from the
 *       configuration file), then calls {@link #define} once, before the run, on the thread that
 *       will run the loop.</li>
 *   <li>It runs the scheduler with {@code endOnEmpty}, the run's timeout, and
 *       {@link #onException()} as the exception policy. A workflow typically submits its first
 *       calls from {@link Scheduler#onStart(Runnable, dev.weft.api.On...)} and further ones from
 *       result and exception callbacks, guarded by {@link Scheduler#running()}; the run ends when
 *       the queue empties.</li>
 *   <li>After the run, the runner prints the event tree and {@link #summary()}.</li>
 * </ol>
 * A workflow needs a public no-argument constructor (or a public static {@code provider()}
 * method) and is used for one run.
 *
 * @since 0.1
 */
public interface Workflow {

    /** @return a short name for listings and summaries, such as {@code branin-search}; never {@code null} */
    String name();

    /**
     * Defines the workflow's tasks and callbacks.
     *
     * @param scheduler the scheduler to define them on; not running yet; never {@code null}
     * @param context the run's settings; never {@code null}
     * @throws Exception if the workflow cannot be set up; the run does not start
     */
    void define(Scheduler scheduler, Context context) throws Exception;

    /**
     * What a failed call or a throwing callback does to the run. By default any exception stops
     * the run and ends it as failed; a workflow that expects some calls to fail says which.
     *
     * @return the policy; never {@code null}
     */
    default ExceptionPolicy onException() {
        return ExceptionPolicy.always(Action.RAISE);
    }

    /**
     * The workflow's own result, printed after the event tree, such as the best point found.
     * Called on the thread that ran the loop, after the run.
     *
     * @return one or a few lines, or an empty string; never {@code null}
     */
    default String summary() {
        return "";
    }

    /**
     * The run's settings a workflow may adapt to. Made by the runner; immutable.
     *
     * @param workers how many calls can run at once (the executor's worker threads); at least 1
     * @param seed a seed for any randomness, so that a run can be repeated
     * @since 0.1
     */
    record Context(int workers, long seed) {

        /** Checks the arguments. */
        public Context {
            if (workers < 1) {
                throw new IllegalArgumentException("workers must be at least 1, not " + workers);
            }
        }
    }
}
