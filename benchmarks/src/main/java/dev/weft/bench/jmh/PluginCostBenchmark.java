package dev.weft.bench.jmh;

import dev.weft.Chain;
import dev.weft.Scheduler;
import dev.weft.Task;
import dev.weft.bench.Chains;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * What each plugin adds to a call: {@value #CALLS} no-op calls, one at a time, on a sequential
 * scheduler, with no plugin, each plugin alone, and the four together. A sequential scheduler runs
 * every hook and the function on the loop, so the time is all the CPU work a call costs, without
 * thread hand-offs blurring it; the added cost of a chain is its score minus {@code none}'s.
 *
 * <p>Each invocation makes a new scheduler and task, so trace's recording starts empty; its
 * final write of the file (at the run's end) is part of the measured time, as it is in use.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PluginCostBenchmark {

    static final int CALLS = 10_000;

    @Param({"none", "call-limiter", "retry", "timeout", "trace", "all-four"})
    String chain;

    private Path traceFile;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        traceFile = Files.createTempFile("weft-jmh-trace-", ".json");
    }

    private Chain chain() {
        return switch (chain) {
            case "none" -> Chain.empty();
            case "call-limiter" -> Chains.limiter();
            case "retry" -> Chains.retry();
            case "timeout" -> Chains.timeout();
            case "trace" -> Chains.trace(traceFile);
            case "all-four" -> Chains.allFour(traceFile);
            default -> throw new IllegalArgumentException("unknown chain '" + chain + "'");
        };
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public int calls() {
        Scheduler scheduler = Scheduler.sequential();
        Task<Integer, Integer> task = scheduler.task("noop", x -> x, chain());
        int[] done = new int[1];
        scheduler.onStart(() -> task.submit(1).orElseThrow());
        task.onResult((future, result) -> {
            if (++done[0] < CALLS) {
                task.submit(1).orElseThrow();
            }
        });
        scheduler.run();
        if (done[0] != CALLS) {
            throw new IllegalStateException(done[0] + " of " + CALLS + " calls ended");
        }
        return done[0];
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(traceFile);
    }
}
