package dev.weft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.api.CallState;
import dev.weft.api.ManualClock;
import dev.weft.api.TaskFuture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** How a run ends: timeout with and without waiting, endOnEmpty, stop, and what runs after. */
class RunEndingTests {

    /** Advances the clock past the run's timeout once the call has started. */
    private static void advanceWhenStarted(ManualClock clock, CountDownLatch started, Duration by) {
        Thread t = new Thread(() -> {
            try {
                if (started.await(5, TimeUnit.SECONDS)) {
                    clock.advance(by);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.setDaemon(true);
        t.start();
    }

    @Test
    void timeoutWithWaitDeliversTheRunningCallsResultAfterFinished() {
        ManualClock clock = new ManualClock();
        Scheduler scheduler = Scheduler.builder().threads(1).clock(clock).build();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Task<Integer, Integer> task = scheduler.task("slow", x -> {
            started.countDown();
            assertTrue(release.await(5, TimeUnit.SECONDS));
            return x;
        });
        EventLog log = EventLog.of(scheduler, task);
        scheduler.onStart(() -> task.submit(7));
        scheduler.onFinishing(release::countDown);
        advanceWhenStarted(clock, started, Duration.ofSeconds(1));

        ExitState exit = scheduler.run(RunOptions.defaults().timeout(Duration.ofSeconds(1)));

        assertEquals(ExitState.of(ExitState.Code.TIMEOUT), exit);
        assertEquals(List.of("S.start", "S.future-submitted", "T.submitted", "S.timeout", "S.finishing", "S.finished",
                "S.future-done", "S.future-result", "T.done", "T.result"), log.entries());
        assertEquals(0, scheduler.eventCount("empty"));
    }

    @Test
    void timeoutWithoutWaitCancelsAndInterruptsTheRunningCall() {
        ManualClock clock = new ManualClock();
        Scheduler scheduler = Scheduler.builder().threads(1).clock(clock).build();
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        CountDownLatch workerDone = new CountDownLatch(1);
        Task<Integer, Integer> task = scheduler.task("slow", x -> {
            started.countDown();
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                interrupted.set(true);
            } finally {
                workerDone.countDown();
            }
            return x;
        });
        EventLog log = EventLog.of(scheduler, task);
        AtomicReference<TaskFuture<Integer>> future = new AtomicReference<>();
        scheduler.onStart(() -> future.set(task.submit(7).orElseThrow()));
        advanceWhenStarted(clock, started, Duration.ofSeconds(1));

        ExitState exit = scheduler.run(RunOptions.defaults().timeout(Duration.ofSeconds(1)).waitForCalls(false));

        assertEquals(ExitState.of(ExitState.Code.TIMEOUT), exit, "shutdown cancellations do not change the exit state");
        assertEquals(List.of("S.start", "S.future-submitted", "T.submitted", "S.timeout", "S.finishing", "S.finished",
                "S.future-cancelled", "T.cancelled"), log.entries());
        assertEquals(CallState.CANCELLED, future.get().state());
        assertTimeout(workerDone);
        assertTrue(interrupted.get(), "the worker was interrupted");
    }

    @Test
    void withoutWaitRunReturnsPromptlyEvenIfACallIgnoresInterrupts() throws Exception {
        Scheduler scheduler = Scheduler.withThreads(1);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        Task<Integer, Integer> stubborn = scheduler.task("stubborn", x -> {
            started.countDown();
            while (letGo.getCount() > 0) {
                try {
                    letGo.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException ignored) {
                    // deliberately ignores interrupts
                }
            }
            return x;
        });
        scheduler.onStart(() -> stubborn.submit(1));
        scheduler.onStart(() -> new Thread(() -> {
            try {
                started.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            scheduler.stop();
        }).start());

        ExitState exit = scheduler.run(RunOptions.defaults().waitForCalls(false));

        assertEquals(ExitState.Code.STOPPED, exit.code());
        assertEquals(1, stubborn.eventCount("cancelled"));
        assertEquals(0, stubborn.eventCount("result"), "the abandoned call's late result is not delivered");
        letGo.countDown();
    }

    @Test
    void runTimeoutCountsFromWhenRunBeganNotFromWhenStartHandlersReturned() {
        ManualClock clock = new ManualClock();
        Scheduler scheduler = Scheduler.builder().sequential().clock(clock).build();
        // The start handler uses up the whole timeout; AMLTK would then start the clock.
        scheduler.onStart(() -> clock.advance(Duration.ofSeconds(2)));
        ExitState exit = scheduler.run(RunOptions.defaults().timeout(Duration.ofSeconds(1)).endOnEmpty(false));
        assertEquals(ExitState.of(ExitState.Code.TIMEOUT), exit);
    }

    @Test
    void withoutEndOnEmptyEmptyFiresOnEveryTransitionIncludingRightAfterStart() {
        ManualClock clock = new ManualClock();
        Scheduler scheduler = Scheduler.builder().sequential().clock(clock).build();
        Task<Integer, Integer> task = scheduler.task("t", x -> x);
        scheduler.onStart(() -> { });
        scheduler.onEmpty(() -> task.submit(1), dev.weft.api.On.atMost(1));
        scheduler.onEmpty(() -> {
            if (scheduler.eventCount("empty") == 2) {
                scheduler.stop();
            }
        });

        ExitState exit = scheduler.run(RunOptions.defaults().endOnEmpty(false));

        assertEquals(ExitState.Code.STOPPED, exit.code());
        assertEquals(2, scheduler.eventCount("empty"));
        assertEquals(1, task.eventCount("result"));
    }

    @Test
    void anEmptyHandlerThatSubmitsMoreKeepsTheRunGoing() {
        Scheduler scheduler = Scheduler.withThreads(2);
        Task<Integer, Integer> task = scheduler.task("t", x -> x);
        scheduler.onStart(() -> task.submit(1));
        scheduler.onEmpty(() -> task.submit(2), dev.weft.api.On.atMost(2));

        ExitState exit = scheduler.run();

        assertEquals(ExitState.Code.EXHAUSTED, exit.code());
        assertEquals(3, task.eventCount("result"));
        assertEquals(3, scheduler.eventCount("empty"));
    }

    @Test
    void stopFromAnotherThreadEndsTheRunWithinABound() throws Exception {
        Scheduler scheduler = Scheduler.withThreads(1);
        CountDownLatch running = new CountDownLatch(1);
        scheduler.onStart(running::countDown);
        Thread stopper = new Thread(() -> {
            try {
                running.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            scheduler.stop("from outside", null);
        });
        stopper.start();
        ExitState exit = scheduler.run(RunOptions.defaults().endOnEmpty(false));
        assertEquals(ExitState.Code.STOPPED, exit.code());
        stopper.join(5_000);
        assertFalse(stopper.isAlive());
    }

    @Test
    void submitFromAWorkerThreadGoesThroughTheLoop() {
        Scheduler scheduler = Scheduler.withThreads(2);
        AtomicReference<Task<Integer, Integer>> inner = new AtomicReference<>();
        List<String> threads = new ArrayList<>();
        inner.set(scheduler.task("inner", x -> x + 1));
        Task<Integer, Integer> outer = scheduler.task("outer", x -> inner.get().submit(x).orElseThrow().id() > 0 ? x : -1);
        inner.get().onSubmitted(f -> threads.add(Thread.currentThread().getName()));
        scheduler.onStart(() -> outer.submit(1));

        scheduler.run();

        assertEquals(1, inner.get().eventCount("result"));
        assertEquals(List.of(Thread.currentThread().getName()), threads, "the submitted event fired on the loop");
    }

    @Test
    void rawSubmitFiresOnlySchedulerEvents() {
        Scheduler scheduler = Scheduler.withThreads(1);
        List<Object> results = new ArrayList<>();
        scheduler.onStart(() -> scheduler.submit((Integer x) -> x * 10, 4));
        scheduler.onFutureResult((f, r) -> results.add(f.taskName() + "=" + r));
        scheduler.run();
        assertEquals(List.of("submit=40"), results);
    }

    @Test
    void aCallerOwnedExecutorIsNotShutDown() {
        ExecutorService executor = Executors.newFixedThreadPool(1);
        try {
            Scheduler scheduler = Scheduler.with(executor);
            Task<Integer, Integer> task = scheduler.task("t", x -> x);
            scheduler.onStart(() -> task.submit(1));
            scheduler.run();
            scheduler.run();
            assertFalse(executor.isShutdown());
            assertEquals(2, task.eventCount("result"));
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void noNonDaemonThreadStartedByWeftRemainsAfterRun() {
        Scheduler scheduler = Scheduler.withThreads(4);
        Task<Integer, Integer> task = scheduler.task("t", x -> x);
        scheduler.onStart(() -> {
            for (int i = 0; i < 20; i++) {
                task.submit(i);
            }
        });
        scheduler.run();
        List<String> offenders = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !t.isDaemon() && t.getName().startsWith("weft"))
                .map(Thread::getName).toList();
        assertEquals(List.of(), offenders);
    }

    @Test
    void misuseGetsClearErrorsNamingTheArgument() {
        Scheduler scheduler = Scheduler.sequential();
        Task<Integer, Integer> task = scheduler.task("t", x -> x);
        assertEquals("cannot submit to 't': the scheduler is not running",
                assertThrows(SchedulerNotRunningException.class, () -> task.submit(1)).getMessage());
        assertEquals("callLater needs a running scheduler",
                assertThrows(SchedulerNotRunningException.class,
                        () -> scheduler.callLater(Duration.ofSeconds(1), () -> { })).getMessage());
        assertEquals("the scheduler already has a task named 't'",
                assertThrows(IllegalArgumentException.class, () -> scheduler.task("t", x -> x)).getMessage());
        assertEquals("function", assertThrows(NullPointerException.class, () -> scheduler.task("u", null)).getMessage());
        assertEquals("handler", assertThrows(NullPointerException.class, () -> task.onResult(null)).getMessage());
        assertEquals("timeout must be positive, got PT0S", assertThrows(IllegalArgumentException.class,
                () -> RunOptions.defaults().timeout(Duration.ZERO)).getMessage());
        assertEquals("workers must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> Scheduler.withThreads(0)).getMessage());
        scheduler.stop(); // a no-op when not running
        assertEquals(0, scheduler.eventCount("stop"));
    }

    @Test
    void runCalledTwiceAtOnceIsRefused() {
        Scheduler scheduler = Scheduler.sequential();
        List<String> errors = new ArrayList<>();
        scheduler.onStart(() -> errors.add(assertThrows(IllegalStateException.class, scheduler::run).getMessage()));
        scheduler.run();
        assertEquals(List.of("the scheduler is already running; run() cannot be called twice at once"), errors);
    }

    @Test
    void callLaterRunsOnTheLoopAfterItsDelay() {
        ManualClock clock = new ManualClock();
        Scheduler scheduler = Scheduler.builder().sequential().clock(clock).build();
        List<String> seen = new ArrayList<>();
        Thread loop = Thread.currentThread();
        scheduler.onStart(() -> {
            scheduler.callLater(Duration.ofSeconds(5), () -> {
                seen.add("later on loop=" + (Thread.currentThread() == loop));
                scheduler.stop();
            });
            new Thread(() -> clock.advance(Duration.ofSeconds(5))).start();
        });
        ExitState exit = scheduler.run(RunOptions.defaults().endOnEmpty(false));
        assertEquals(ExitState.Code.STOPPED, exit.code());
        assertEquals(List.of("later on loop=true"), seen);
    }

    private static void assertTimeout(CountDownLatch latch) {
        try {
            assertTrue(latch.await(5, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
