package dev.weft.bench;

import dev.weft.ExitState;
import dev.weft.Scheduler;
import dev.weft.Task;
import java.io.PrintStream;

/**
 * A long run of bare weft: many calls kept 64 in flight in one {@code run()}, reading the heap
 * after GC at regular intervals. A slope near zero means nothing is kept per finished call.
 */
final class Soak {

    private Soak() {
    }

    /** @return the heap's growth in bytes per million calls (least squares over the readings) */
    static double run(int workers, long calls, long every, PrintStream out) {
        Scheduler scheduler = Scheduler.withThreads(workers);
        Task<Integer, Integer> task = scheduler.task("noop", NoOp::apply);
        int inFlight = 64;
        int readings = (int) (calls / every);
        double[] x = new double[readings];
        double[] y = new double[readings];
        long[] counts = new long[2]; // submitted, done: loop thread only
        long start = System.nanoTime();
        scheduler.onStart(() -> {
            for (int i = 0; i < Math.min(inFlight, calls); i++) {
                task.submit(NoOp.ARG).orElseThrow();
                counts[0]++;
            }
        });
        task.onResult((future, result) -> {
            long done = ++counts[1];
            if (done % every == 0 && done / every <= readings) {
                int i = (int) (done / every) - 1;
                x[i] = done;
                y[i] = Heap.usedAfterGc();
                out.println(new JsonLine().put("bench", "soak").put("calls", done)
                        .put("heap_after_gc_bytes", (long) y[i])
                        .put("elapsed_s", (System.nanoTime() - start) / 1e9));
                out.flush();
            }
            if (counts[0] < calls) {
                task.submit(NoOp.ARG).orElseThrow();
                counts[0]++;
            }
        });
        ExitState exit = scheduler.run();
        if (exit.code() != ExitState.Code.EXHAUSTED || counts[1] != calls) {
            throw new IllegalStateException("soak: the run ended " + exit + " after " + counts[1] + " calls");
        }
        // Skip the first reading: it still holds what warming up (class loading, JIT) left behind.
        int from = readings > 2 ? 1 : 0;
        double[] xs = java.util.Arrays.copyOfRange(x, from, readings);
        double[] ys = java.util.Arrays.copyOfRange(y, from, readings);
        return Stats.slope(xs, ys) * 1_000_000;
    }
}
