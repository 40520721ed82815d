package dev.weft.bench;

import dev.weft.Chain;
import dev.weft.ExitState;
import dev.weft.Scheduler;
import dev.weft.Task;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * weft: {@code Scheduler.withThreads(workers)} and one no-op task, kept at K calls in flight by
 * submitting the next call from the result callback, on the loop thread, as a user would.
 */
final class WeftLoad implements Load {

    private final String name;
    private final int workers;
    private final Function<Path, Chain> chain;

    /**
     * @param chain makes the task's chain; it gets a fresh temporary file for a trace plugin to
     *     write, deleted after the run
     */
    WeftLoad(String name, int workers, Function<Path, Chain> chain) {
        this.name = name;
        this.workers = workers;
        this.chain = chain;
    }

    static WeftLoad bare(int workers) {
        return new WeftLoad("weft", workers, file -> Chain.empty());
    }

    static WeftLoad withPlugins(int workers) {
        return new WeftLoad("weft+plugins", workers, Chains::allFour);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Timing run(int calls, int inFlight) throws Exception {
        Path file = Files.createTempFile("weft-bench-trace-", ".json");
        try {
            return run(calls, inFlight, file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private Timing run(int calls, int inFlight, Path file) {
        Scheduler scheduler = Scheduler.withThreads(workers);
        Task<Integer, Integer> task = scheduler.task("noop", NoOp::apply, chain.apply(file));
        Pump pump = new Pump(task, calls);
        scheduler.onStart(() -> {
            for (int i = 0; i < Math.min(inFlight, calls); i++) {
                pump.submit();
            }
        });
        task.onResult((future, result) -> pump.ended());
        task.onException((future, error) -> {
            throw new IllegalStateException(name + ": a no-op call failed: " + error, error);
        });
        // Timed from before run(), which starts the pool's threads, as the floor's time includes
        // starting its own. This thread becomes the loop; the CPU reading inside the wall time,
        // so that the loop's busy share stays at most 1.
        pump.start = System.nanoTime();
        pump.cpuAtStart = Cpu.currentThread();
        ExitState exit = scheduler.run();
        long elapsed = System.nanoTime() - pump.start;
        if (exit.code() != ExitState.Code.EXHAUSTED || pump.done != calls) {
            throw new IllegalStateException(name + ": the run ended " + exit + " after " + pump.done + " of "
                    + calls + " calls");
        }
        return new Timing(pump.firstResult - pump.start, pump.lastResult - pump.start, elapsed, pump.loopCpu);
    }

    /** Submits calls until {@code calls} were submitted; its fields are touched only by the thread that calls run(), the loop. */
    static final class Pump {
        private final Task<Integer, Integer> task;
        private final int calls;
        long start;
        long firstResult;
        long lastResult;
        Cpu.OfThread cpuAtStart;
        Cpu.OfThread loopCpu = Cpu.OfThread.NONE;
        int submitted;
        int done;

        Pump(Task<Integer, Integer> task, int calls) {
            this.task = task;
            this.calls = calls;
        }

        void submit() {
            if (task.submit(NoOp.ARG).isEmpty()) {
                throw new IllegalStateException("a plugin vetoed call " + (submitted + 1) + ": its limits are too low");
            }
            submitted++;
        }

        void ended() {
            done++;
            if (done == 1) {
                firstResult = System.nanoTime();
            }
            if (done == calls) {
                loopCpu = Cpu.currentThread().since(cpuAtStart);
                lastResult = System.nanoTime();
            }
            if (submitted < calls) {
                submit();
            }
        }
    }
}
