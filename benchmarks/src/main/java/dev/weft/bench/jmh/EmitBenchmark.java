package dev.weft.bench.jmh;

import dev.weft.Chain;
import dev.weft.Scheduler;
import dev.weft.Task;
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
 * The cost of emitting one event to 1 or 10 handlers, through the public API.
 *
 * <p>Handlers run at once only when an event is emitted on the loop thread; emitted from any
 * other thread it is queued, which would measure the hand-off instead. So each invocation runs a
 * sequential scheduler whose {@code start} handler has a tiny plugin emit {@value #EMISSIONS}
 * events through its {@code TaskContext.emit}, on the loop. The run's own cost (four scheduler
 * events and its set-up) is shared by those emissions, about 1% of the result.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EmitBenchmark {

    static final int EMISSIONS = 10_000;

    @Param({"1", "10"})
    int handlers;

    private Scheduler scheduler;
    private long received;
    private long runs;

    @Setup(Level.Trial)
    public void setUp() {
        scheduler = Scheduler.sequential();
        EmitterPlugin emitter = new EmitterPlugin();
        Task<Integer, Integer> task = scheduler.task("emitter", x -> x, Chain.of(emitter));
        for (int i = 0; i < handlers; i++) {
            task.on(EmitterPlugin.PING, signal -> received++);
        }
        scheduler.onStart(() -> emitter.emit(EMISSIONS));
    }

    @Benchmark
    @OperationsPerInvocation(EMISSIONS)
    public void emit() {
        scheduler.run();
        runs++;
    }

    @TearDown(Level.Trial)
    public void check() {
        if (received != runs * EMISSIONS * handlers) {
            throw new IllegalStateException("handlers ran " + received + " times, expected "
                    + runs * EMISSIONS * handlers);
        }
    }
}
