package com.example.squares;

import dev.weft.Scheduler;
import dev.weft.Task;
import dev.weft.Workflow;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Squares the numbers 1 to 10 on the scheduler's workers and adds them up: the smallest useful
 * workflow. Its task is called {@code square}, so a configuration can give it a chain:
 *
 * <pre>
 * tasks:
 *   square:
 *     chain:
 *       - timeout: { limit: 1s }
 * </pre>
 */
public final class SquaresWorkflow implements Workflow {

    private final AtomicLong sum = new AtomicLong();

    /** For the service loader. */
    public SquaresWorkflow() {
    }

    @Override
    public String name() {
        return "squares";
    }

    @Override
    public void define(Scheduler scheduler, Context context) {
        Task<Integer, Integer> square = scheduler.task("square", x -> x * x);
        // Submit from the start event: the scheduler accepts calls only while it runs.
        scheduler.onStart(() -> {
            for (int i = 1; i <= 10; i++) {
                square.submit(i);
            }
        });
        // Callbacks run one at a time on the loop thread, so no locking is needed here; the
        // AtomicLong is only so that summary() may be read from anywhere.
        square.onResult((future, value) -> sum.addAndGet(value));
    }

    @Override
    public String summary() {
        return "squares: 1*1 + 2*2 + ... + 10*10 = " + sum.get();
    }
}
