package dev.weft.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Scheduler;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every submitted call ends in exactly one terminal event of the right kind, whatever its
 * function does, whoever submits it and whenever the run is stopped. See {@link ChaosRun}.
 */
class ExactlyOnceUnderChaosTests {

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void everyCallEndsExactlyOnceOnFourWorkersUnderChaos() throws Exception {
        ChaosRun run = new ChaosRun(Scheduler.withThreads(4), 100_000, 4, 20240611L, false).run();
        List<String> violations = run.check();
        System.out.println("chaos " + run.summary());

        assertEquals(List.of(), violations, run.summary());
        assertTrue(run.stopToReturnNanos >= 0 && run.stopToReturnNanos < TimeUnit.SECONDS.toNanos(5),
                "run() returned " + run.stopToReturnNanos / 1e6 + "ms after stop()");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void everyCallEndsExactlyOnceOnTheSequentialExecutorUnderChaos() throws Exception {
        ChaosRun run = new ChaosRun(Scheduler.sequential(), 5_000, 2, 7L, true).run();
        List<String> violations = run.check();
        System.out.println("chaos " + run.summary());

        assertEquals(List.of(), violations, run.summary());
        assertTrue(run.stopToReturnNanos >= 0 && run.stopToReturnNanos < TimeUnit.SECONDS.toNanos(5),
                "run() returned " + run.stopToReturnNanos / 1e6 + "ms after stop()");
    }
}
