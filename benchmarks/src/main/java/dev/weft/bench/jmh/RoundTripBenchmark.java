package dev.weft.bench.jmh;

import dev.weft.Scheduler;
import dev.weft.Task;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One call's round trip, submit to result callback, one call at a time: each result callback
 * submits the next call, {@value #CALLS} per invocation (one {@code run()}).
 *
 * <p>{@code sequential} runs the function on the loop: the scheduler's own work per call, no
 * thread hand-off. {@code pool} runs it on a caller-owned single-thread pool made once per trial:
 * two hand-offs per call (loop to worker, worker to loop), as in real use.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RoundTripBenchmark {

    static final int CALLS = 10_000;

    @Param({"sequential", "pool"})
    String executor;

    private ExecutorService pool;
    private Scheduler scheduler;
    private Task<Integer, Integer> task;
    private int done;

    @Setup(Level.Trial)
    public void setUp() {
        if (executor.equals("pool")) {
            pool = Executors.newSingleThreadExecutor();
            scheduler = Scheduler.with(pool);
        } else {
            scheduler = Scheduler.sequential();
        }
        task = scheduler.task("noop", x -> x);
        scheduler.onStart(() -> {
            done = 0;
            task.submit(1);
        });
        task.onResult((future, result) -> {
            if (++done < CALLS) {
                task.submit(1);
            }
        });
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public int roundTrip() {
        scheduler.run();
        if (done != CALLS) {
            throw new IllegalStateException(done + " of " + CALLS + " calls ended");
        }
        return done;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
