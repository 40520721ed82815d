package dev.weft.cli.example;

import dev.weft.Action;
import dev.weft.ExceptionPolicy;
import dev.weft.Scheduler;
import dev.weft.Task;
import dev.weft.Workflow;
import dev.weft.api.TaskFuture;
import dev.weft.api.TaskTimeoutException;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The bundled example: a random search over the noisy Branin function, run as an AutoML system
 * runs one. It keeps one evaluation per worker in flight, submitting the next point from each
 * result or exception callback, until a plugin (the call-limiter's {@code max-calls}) refuses a
 * submission; the run then ends when the last evaluation does.
 *
 * <p>Its task is {@value #TASK}; {@code conf/weft.yaml} gives it its plugin chain. Evaluations
 * that fail with an {@link IOException} or time out are expected: the run continues. Anything
 * else is a bug and ends the run.
 */
public final class BraninSearch implements Workflow {

    /** The task's name, which the configuration's chain is keyed by. */
    public static final String TASK = "evaluate";

    /** Submissions the search makes at most when no plugin limits it, so it ends even without a limiter. */
    static final int OWN_BUDGET = 200;

    private SplittableRandom sampler;
    private int drawn;
    private int failed;
    private Optional<Best> best = Optional.empty();

    /** The point with the lowest value seen. */
    private record Best(Trial trial, double value) {
    }

    /** For the service loader. */
    public BraninSearch() {
    }

    @Override
    public String name() {
        return "branin-search";
    }

    @Override
    public void define(Scheduler scheduler, Context context) {
        sampler = new SplittableRandom(context.seed());
        Task<Trial, Double> evaluate = scheduler.task(TASK, new NoisyEvaluation(context.seed()));

        scheduler.onStart(() -> {
            for (int i = 0; i < context.workers(); i++) {
                submitNext(scheduler, evaluate);
            }
        });
        evaluate.onResult((future, value) -> {
            if (best.isEmpty() || value < best.get().value()) {
                best = Optional.of(new Best((Trial) future.argument(), value));
            }
            submitNext(scheduler, evaluate);
        });
        evaluate.onException((future, error) -> {
            failed++;
            submitNext(scheduler, evaluate);
        });
    }

    /** Draws the next point and submits it; a vetoed submission ends this line of calls. */
    private void submitNext(Scheduler scheduler, Task<Trial, Double> evaluate) {
        if (!scheduler.running() || drawn >= OWN_BUDGET) {
            return;
        }
        Trial trial = new Trial(++drawn, uniform(Branin.X1_MIN, Branin.X1_MAX), uniform(Branin.X2_MIN, Branin.X2_MAX));
        Optional<TaskFuture<Double>> submitted = evaluate.submit(trial);
        if (submitted.isEmpty()) {
            drawn--; // the point was never evaluated: the next draw reuses its number
        }
    }

    private double uniform(double min, double max) {
        return min + (max - min) * sampler.nextDouble();
    }

    @Override
    public ExceptionPolicy onException() {
        // Transient failures and timeouts are part of the job; the retry plugin already had its go.
        return ExceptionPolicy.builder()
                .on(IOException.class, Action.CONTINUE)
                .on(TaskTimeoutException.class, Action.CONTINUE)
                .build();
    }

    @Override
    public String summary() {
        if (best.isEmpty()) {
            return "branin-search: no evaluation succeeded (" + failed + " failed).";
        }
        Best b = best.get();
        return String.format(Locale.ROOT, "branin-search: best point %s with f = %.6f, after %d evaluations "
                + "(%d failed); Branin's global minimum is %.6f.", b.trial(), b.value(), drawn, failed, Branin.MINIMUM);
    }
}
