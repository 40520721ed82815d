package dev.weft.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Action;
import dev.weft.ExitState;
import dev.weft.RunOptions;
import dev.weft.Scheduler;
import dev.weft.Task;
import dev.weft.api.SchedulerEvents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * When {@code run()} returns, weft has left nothing running that could keep the JVM alive, and
 * a run that does not wait ends within a bound however its calls behave.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CleanShutdownTests {

    private static Set<Thread> liveThreads() {
        return Set.copyOf(Thread.getAllStackTraces().keySet());
    }

    /** Waits, bounded, for the threads a run started to end; returns those still alive. */
    private static List<Thread> startedAndAlive(Set<Thread> before, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        List<Thread> alive;
        do {
            alive = new ArrayList<>();
            for (Thread t : liveThreads()) {
                if (!before.contains(t) && t.isAlive() && t.getName().startsWith("weft-worker")) {
                    alive.add(t);
                }
            }
            if (!alive.isEmpty()) {
                Thread.sleep(10);
            }
        } while (!alive.isEmpty() && System.nanoTime() < deadline);
        return alive;
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    void noNonDaemonThreadStartedByWeftRemainsAfterRun(ExecutorKind executor) throws Exception {
        Set<Thread> before = liveThreads();
        Scheduler scheduler = executor.scheduler();
        Task<Integer, Integer> task = scheduler.task("t", x -> x);
        scheduler.onStart(() -> {
            for (int i = 0; i < 200; i++) {
                task.submit(i);
            }
            scheduler.callLater(Duration.ofMillis(1), () -> { }); // the clock's timer too
        });
        assertEquals(ExitState.Code.EXHAUSTED, scheduler.run().code());

        for (Thread t : liveThreads()) {
            if (!before.contains(t) && t.isAlive() && !t.getName().startsWith("caller-owned")) {
                assertTrue(t.isDaemon(), "non-daemon thread left behind: " + t);
            }
        }
        assertEquals(List.of(), startedAndAlive(before, 5_000), "weft's own pool is shut down after the run");
    }

    @Test
    void weftsOwnWorkersHaveEndedByFinishedWhenTheRunWaitsForItsCalls() throws Exception {
        // Told to end but not waited for, they were still alive at 'finished' in a third of the
        // runs: twenty runs catch that with near certainty.
        List<List<Thread>> aliveAtFinished = new ArrayList<>();
        for (int run = 0; run < 20; run++) {
            Set<Thread> before = liveThreads();
            Scheduler scheduler = Scheduler.withThreads(4);
            Task<Integer, Integer> task = scheduler.task("t", x -> x);
            scheduler.onStart(() -> {
                for (int i = 0; i < 200; i++) {
                    task.submit(i);
                }
            });
            scheduler.onFinished(() -> {
                try {
                    aliveAtFinished.add(startedAndAlive(before, 0));
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            });
            assertEquals(ExitState.Code.EXHAUSTED, scheduler.run().code());
        }

        // 'finished' says the executor has shut down: its threads are gone, not just told to go.
        assertEquals(Collections.nCopies(20, List.of()), aliveAtFinished);
    }

    @Test
    void aCallerOwnedExecutorIsLeftRunning() {
        ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            Scheduler scheduler = Scheduler.with(pool);
            Task<Integer, Integer> task = scheduler.task("t", x -> x);
            scheduler.onStart(() -> task.submit(1));
            scheduler.run();
            assertFalse(pool.isShutdown(), "weft never shuts down an executor it did not make");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void withoutWaitingHangingCallsAreInterruptedAndEndCancelledBeforeRunReturns() throws Exception {
        Set<Thread> before = liveThreads();
        Scheduler scheduler = Scheduler.withThreads(4);
        int calls = 8; // four run on the four workers, four wait in the pool's queue
        CountDownLatch running = new CountDownLatch(4);
        CountDownLatch interrupted = new CountDownLatch(4);
        Task<Integer, Integer> task = scheduler.task("t", x -> {
            running.countDown();
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
            return x;
        });
        Outcomes outcomes = Outcomes.of(scheduler, task);
        CountDownLatch allSubmitted = new CountDownLatch(1);
        scheduler.onStart(() -> {
            for (int i = 0; i < calls; i++) {
                task.submit(i);
            }
            allSubmitted.countDown();
        });
        Thread stopper = new Thread(() -> {
            try {
                // Four running is not enough: the loop may still be submitting, and a stop refuses what comes after it.
                assertTrue(running.await(5, TimeUnit.SECONDS));
                assertTrue(allSubmitted.await(5, TimeUnit.SECONDS));
                scheduler.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        stopper.start();

        long begin = System.nanoTime();
        ExitState exit = scheduler.run(RunOptions.defaults().waitForCalls(false).onCancelled(Action.CONTINUE));
        long took = System.nanoTime() - begin;

        assertEquals(ExitState.Code.STOPPED, exit.code());
        assertTrue(took < TimeUnit.SECONDS.toNanos(5), "run() took " + took / 1e6 + "ms");
        assertEquals(List.of(), outcomes.notExactlyOnce());
        assertEquals(calls, outcomes.endings().size());
        assertEquals(calls, scheduler.eventCount(SchedulerEvents.FUTURE_CANCELLED), "every abandoned call ends cancelled");
        assertTrue(interrupted.await(5, TimeUnit.SECONDS), "the running ones were interrupted");
        assertEquals(List.of(), startedAndAlive(before, 5_000), "their threads ended once interrupted");
    }

    @Test
    void aCallThatIgnoresInterruptsCannotHoldTheRunPastItsTimeout() throws Exception {
        Scheduler scheduler = Scheduler.withThreads(2);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Thread> stuck = new AtomicReference<>();
        CountDownLatch ignored = new CountDownLatch(1);
        Task<Integer, Integer> task = scheduler.task("t", x -> {
            stuck.set(Thread.currentThread());
            while (true) {
                try {
                    if (release.await(30, TimeUnit.SECONDS)) {
                        return x;
                    }
                } catch (InterruptedException e) {
                    ignored.countDown(); // on purpose: as native code or a busy loop would
                }
            }
        });
        Outcomes outcomes = Outcomes.of(scheduler, task);
        scheduler.onStart(() -> task.submit(1));
        try {
            long begin = System.nanoTime();
            ExitState exit = scheduler.run(RunOptions.defaults().timeout(Duration.ofMillis(200)).waitForCalls(false)
                    .onCancelled(Action.CONTINUE));
            long took = System.nanoTime() - begin;

            assertEquals(ExitState.Code.TIMEOUT, exit.code());
            assertTrue(took < TimeUnit.SECONDS.toNanos(5), "run() took " + took / 1e6 + "ms");
            assertEquals(List.of(), outcomes.notExactlyOnce());
            assertEquals(1, scheduler.eventCount(SchedulerEvents.FUTURE_CANCELLED), "the abandoned call ends cancelled");
            assertTrue(ignored.await(5, TimeUnit.SECONDS), "it was interrupted, and ignored it");
            assertTrue(stuck.get().isAlive() && stuck.get().isDaemon(),
                    "its thread cannot be killed in-process, but cannot keep the JVM alive either");
        } finally {
            release.countDown();
        }
        stuck.get().join(5_000);
        assertFalse(stuck.get().isAlive(), "the pool's thread ends once the function returns");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void onTheSequentialExecutorAHangingCallIsInterruptedWhenTheRunTimesOutWithoutWaiting() {
        Scheduler scheduler = Scheduler.sequential();
        Task<Integer, Integer> task = scheduler.task("t", x -> {
            Thread.sleep(30_000);
            return x;
        });
        Outcomes outcomes = Outcomes.of(scheduler, task);
        scheduler.onStart(() -> task.submit(1));

        long begin = System.nanoTime();
        ExitState exit = scheduler.run(RunOptions.defaults().timeout(Duration.ofMillis(200)).waitForCalls(false)
                .onCancelled(Action.CONTINUE));
        long took = System.nanoTime() - begin;

        assertEquals(ExitState.Code.TIMEOUT, exit.code());
        assertTrue(took < TimeUnit.SECONDS.toNanos(5), "run() took " + took / 1e6 + "ms");
        assertEquals(List.of(), outcomes.notExactlyOnce());
        assertEquals(1, scheduler.eventCount(SchedulerEvents.FUTURE_CANCELLED));
        assertFalse(Thread.interrupted(), "and the loop thread is not left interrupted");
    }
}
