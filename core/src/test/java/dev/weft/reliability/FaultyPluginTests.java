package dev.weft.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Action;
import dev.weft.Chain;
import dev.weft.ExitState;
import dev.weft.RunOptions;
import dev.weft.Scheduler;
import dev.weft.Task;
import dev.weft.api.Failure;
import dev.weft.api.Invocation;
import dev.weft.api.Panel;
import dev.weft.api.PluginErrorEvent;
import dev.weft.api.PluginException;
import dev.weft.api.SchedulerEvents;
import dev.weft.api.Submission;
import dev.weft.api.TaskContext;
import dev.weft.api.TaskFuture;
import dev.weft.api.TaskPlugin;
import dev.weft.api.TaskTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A plugin that throws, breaks the {@code proceed()} contract or blocks harms only the calls it
 * concerned: they fail with a {@link PluginException} naming it and the hook, {@code plugin-error}
 * fires, every other call ends as it would have, and nothing hangs beyond its bound. On every
 * executor, with many calls.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FaultyPluginTests {

    private static final int CALLS = 240; // each fault logs a stack trace: keep CI output and time small

    /** Throws from one hook for calls whose argument is a multiple of 3. */
    static final class Faulty implements TaskPlugin {
        final String hook;
        final Supplier<Throwable> fault;

        Faulty(String hook, Supplier<Throwable> fault) {
            this.hook = hook;
            this.fault = fault;
        }

        @Override
        public String name() {
            return "faulty";
        }

        @Override
        public void attach(TaskContext task) {
            maybe("attach", 0);
        }

        @Override
        public void beforeSubmit(Submission submission) {
            maybe("beforeSubmit", (Integer) submission.argument());
        }

        @Override
        public Object around(Invocation invocation) throws Exception {
            maybe("around", (Integer) invocation.call().argument());
            return invocation.proceed();
        }

        @Override
        public void onFailure(Failure failure) {
            maybe("onFailure", (Integer) failure.call().argument());
        }

        @Override
        public void describe(Panel panel) {
            maybe("describe", 0);
            panel.row("Fine", true);
        }

        private void maybe(String here, int argument) {
            if (here.equals(hook) && argument % 3 == 0) {
                throw Faulty.<RuntimeException>sneaky(fault.get());
            }
        }

        @SuppressWarnings("unchecked")
        private static <E extends Throwable> E sneaky(Throwable t) throws E {
            throw (E) t;
        }
    }

    static Stream<Arguments> hooksOnEachExecutor() {
        return Stream.of(ExecutorKind.values()).flatMap(ex -> Stream.of("beforeSubmit", "around", "onFailure")
                .map(hook -> Arguments.of(ex, hook)));
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("hooksOnEachExecutor")
    void aHookThatThrowsFailsOnlyTheCallsItConcernsNamingThePluginAndTheHook(ExecutorKind executor, String hook) {
        assertContained(executor, hook, () -> new IllegalStateException("bug in " + hook));
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    void anErrorThrownByAroundIsContainedLikeAnException(ExecutorKind executor) {
        // What a plugin's failed assert or a runaway recursion throws: a plugin fault all the same.
        assertContained(executor, "around", () -> new AssertionError("assert in around"));
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("loopHooksOnEachExecutor")
    void anErrorThrownByBeforeSubmitOrOnFailureIsContainedLikeAnException(ExecutorKind executor, String hook) {
        assertContained(executor, hook, () -> new AssertionError("assert in " + hook));
    }

    static Stream<Arguments> loopHooksOnEachExecutor() {
        return Stream.of(ExecutorKind.values()).flatMap(ex -> Stream.of("beforeSubmit", "onFailure")
                .map(hook -> Arguments.of(ex, hook)));
    }

    private static void assertContained(ExecutorKind executor, String hook, Supplier<Throwable> fault) {
        Scheduler scheduler = executor.scheduler();
        Task<Integer, Integer> task = scheduler.task("t", x -> {
            if (x % 2 == 0) {
                throw new IllegalArgumentException("even " + x); // so onFailure is asked
            }
            return x;
        }, Chain.of(new Faulty(hook, fault)));
        Outcomes outcomes = Outcomes.of(scheduler, task);
        List<PluginErrorEvent> errors = Collections.synchronizedList(new ArrayList<>());
        scheduler.on(SchedulerEvents.PLUGIN_ERROR, errors::add);
        scheduler.onStart(() -> {
            for (int i = 0; i < CALLS; i++) {
                task.submit(i);
            }
        });

        ExitState exit = scheduler.run(RunOptions.defaults().onException(Action.CONTINUE));

        assertEquals(ExitState.Code.EXHAUSTED, exit.code(), "the scheduler kept running to the end: " + exit);
        assertEquals(List.of(), outcomes.notExactlyOnce());
        assertEquals(CALLS, outcomes.endings().size(), "every submit made a call");
        int faulted = 0;
        for (Outcomes.Ending e : outcomes.endings().values()) {
            int x = (Integer) e.future.argument();
            boolean concerned = x % 3 == 0 && (!hook.equals("onFailure") || x % 2 == 0);
            if (concerned) {
                faulted++;
                PluginException p = assertInstanceOf(PluginException.class, e.error, e.toString());
                assertEquals("faulty", p.plugin());
                assertEquals(hook, p.hook());
                assertTrue(p.getMessage().startsWith("plugin 'faulty' failed in " + hook + ": "), p.getMessage());
            } else if (x % 2 == 0) {
                assertInstanceOf(IllegalArgumentException.class, e.error, e.toString());
            } else {
                assertEquals(x, e.result, e.toString());
            }
        }
        assertEquals(faulted, errors.size(), "one plugin-error per fault");
        for (PluginErrorEvent error : errors) {
            assertEquals("t", error.task());
            assertEquals("faulty", error.plugin());
            assertEquals(hook, error.hook());
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    void anAttachThatThrowsRefusesTheTaskAndTheSchedulerStillRuns(ExecutorKind executor) {
        Scheduler scheduler = executor.scheduler();
        PluginException refused = org.junit.jupiter.api.Assertions.assertThrows(PluginException.class,
                () -> scheduler.task("t", x -> x, Chain.of(new Faulty("attach", () -> new IllegalStateException("no")))));
        assertEquals("faulty", refused.plugin());
        assertEquals("attach", refused.hook());
        assertTrue(scheduler.findTask("t").isEmpty());

        Task<Integer, Integer> task = scheduler.task("t", x -> x + 1); // the name is free again
        Outcomes outcomes = Outcomes.of(scheduler, task);
        scheduler.onStart(() -> {
            for (int i = 0; i < 100; i++) {
                task.submit(i);
            }
        });
        assertEquals(ExitState.Code.EXHAUSTED, scheduler.run().code());
        assertEquals(List.of(), outcomes.notExactlyOnce());
        assertEquals(100, task.eventCount("result"));
    }

    @Test
    void aDescribeThatThrowsStillRendersTheTreeWithADescribeFailedRow() {
        Scheduler scheduler = Scheduler.withThreads(2);
        TaskPlugin fine = new TaskPlugin() {
            @Override
            public String name() {
                return "fine";
            }

            @Override
            public void describe(Panel panel) {
                panel.row("Rows", 1);
            }
        };
        Task<Integer, Integer> task = scheduler.task("t", x -> x,
                Chain.of(new Faulty("describe", () -> new IllegalStateException("no rows")), fine));
        List<String> during = new ArrayList<>();
        scheduler.onStart(() -> {
            for (int i = 0; i < 50; i++) {
                task.submit(i);
            }
            during.add(scheduler.render()); // from the loop, with calls in flight
        });
        scheduler.run();

        for (String tree : List.of(during.get(0), scheduler.render())) {
            assertTrue(tree.contains("Plugin faulty"), tree);
            assertTrue(tree.contains("describe failed java.lang.IllegalStateException: no rows"), tree);
            assertTrue(tree.contains("Plugin fine") && tree.contains("Rows 1"), "the other panel still shows: " + tree);
        }
        assertTrue(scheduler.snapshotJson().contains("describe failed"), scheduler.snapshotJson());
        assertEquals(50, task.eventCount("result"));
    }

    static Stream<Arguments> contractBreakersOnEachExecutor() {
        return Stream.of(ExecutorKind.values()).flatMap(ex -> Stream.of(
                Arguments.of(ex, "never", "returned without calling proceed()", 0),
                Arguments.of(ex, "twice", "called proceed() more than once", 1)));
    }

    @ParameterizedTest(name = "proceed {1} on {0}")
    @MethodSource("contractBreakersOnEachExecutor")
    void anAroundThatBreaksTheProceedContractFailsEachCallWithAPluginException(ExecutorKind executor, String how,
            String message, int runsPerCall) {
        Scheduler scheduler = executor.scheduler();
        AtomicInteger runs = new AtomicInteger();
        TaskPlugin breaker = new TaskPlugin() {
            @Override
            public String name() {
                return "breaker";
            }

            @Override
            public Object around(Invocation invocation) throws Exception {
                if (how.equals("never")) {
                    return 42;
                }
                invocation.proceed();
                return invocation.proceed();
            }
        };
        Task<Integer, Integer> task = scheduler.task("t", x -> {
            runs.incrementAndGet();
            return x;
        }, Chain.of(new RetryPlugin(3, new LoopGuard()), breaker));
        Outcomes outcomes = Outcomes.of(scheduler, task);
        scheduler.onStart(() -> {
            for (int i = 0; i < CALLS; i++) {
                task.submit(i);
            }
        });

        ExitState exit = scheduler.run(RunOptions.defaults().onException(Action.CONTINUE));

        assertEquals(ExitState.Code.EXHAUSTED, exit.code());
        assertEquals(List.of(), outcomes.notExactlyOnce());
        for (Outcomes.Ending e : outcomes.endings().values()) {
            PluginException p = assertInstanceOf(PluginException.class, e.error, e.toString());
            assertEquals("plugin 'breaker' failed in around: " + message, p.getMessage());
            assertEquals(1, e.future.attempts(), "the retry plugin leaves plugin faults alone");
        }
        assertEquals(CALLS, outcomes.endings().size());
        assertEquals(CALLS * runsPerCall, runs.get());
        assertEquals(CALLS, scheduler.eventCount(SchedulerEvents.PLUGIN_ERROR));
    }

    /** Blocks in around until released, interruptibly or not. */
    static final class Blocking implements TaskPlugin {
        final CountDownLatch release = new CountDownLatch(1);
        final BlockingQueue<TaskFuture<?>> entered = new LinkedBlockingQueue<>();
        final boolean interruptible;

        Blocking(boolean interruptible) {
            this.interruptible = interruptible;
        }

        @Override
        public String name() {
            return "blocking";
        }

        @Override
        public Object around(Invocation invocation) throws Exception {
            entered.add(invocation.call());
            if (interruptible) {
                release.await();
            } else {
                boolean interrupted = false;
                while (true) {
                    try {
                        release.await();
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true; // ignored on purpose
                    }
                }
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            return invocation.proceed();
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    void anAroundThatBlocksIsEndedByTheUsersCancel(ExecutorKind executor) throws Exception {
        Scheduler scheduler = executor.scheduler();
        Blocking blocking = new Blocking(true);
        Task<Integer, Integer> task = scheduler.task("t", x -> x, Chain.of(blocking));
        Outcomes outcomes = Outcomes.of(scheduler, task);
        int calls = 20;
        scheduler.onStart(() -> {
            for (int i = 0; i < calls; i++) {
                task.submit(i);
            }
        });
        Thread canceller = new Thread(() -> {
            try {
                for (int i = 0; i < calls; i++) {
                    TaskFuture<?> f = blocking.entered.poll(10, TimeUnit.SECONDS);
                    if (f == null) {
                        return;
                    }
                    f.cancel();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        canceller.setDaemon(true);
        canceller.start();

        ExitState exit = scheduler.run(RunOptions.defaults().onException(Action.CONTINUE).onCancelled(Action.CONTINUE));

        assertEquals(ExitState.Code.EXHAUSTED, exit.code());
        assertEquals(List.of(), outcomes.notExactlyOnce());
        assertEquals(calls, scheduler.eventCount(SchedulerEvents.FUTURE_CANCELLED));
        canceller.join(5_000);
    }

    @ParameterizedTest
    @EnumSource(ExecutorKind.class)
    void anAroundThatBlocksIsEndedByATimeoutOutsideIt(ExecutorKind executor) {
        Scheduler scheduler = executor.scheduler();
        Blocking blocking = new Blocking(true);
        Task<Integer, Integer> task = scheduler.task("t", x -> x,
                Chain.of(new TimeoutPlugin(Duration.ofMillis(20)), blocking));
        Outcomes outcomes = Outcomes.of(scheduler, task);
        scheduler.onStart(() -> {
            for (int i = 0; i < 20; i++) {
                task.submit(i);
            }
        });

        scheduler.run(RunOptions.defaults().onException(Action.CONTINUE));

        assertEquals(List.of(), outcomes.notExactlyOnce());
        for (Outcomes.Ending e : outcomes.endings().values()) {
            assertInstanceOf(TaskTimeoutException.class, e.error, e.toString());
        }
        assertEquals(20, outcomes.endings().size());
    }

    @ParameterizedTest
    @EnumSource(value = ExecutorKind.class, names = {"THREADS", "PROVIDED"}) // sequential: it would block the loop
    void anAroundThatIgnoresInterruptsIsAbandonedWhenTheRunEndsWithoutWaiting(ExecutorKind executor) {
        Scheduler scheduler = executor.scheduler();
        Blocking blocking = new Blocking(false);
        Task<Integer, Integer> task = scheduler.task("t", x -> x, Chain.of(blocking));
        Outcomes outcomes = Outcomes.of(scheduler, task);
        scheduler.onStart(() -> {
            for (int i = 0; i < 10; i++) {
                task.submit(i);
            }
        });
        try {
            long begin = System.nanoTime();
            ExitState exit = scheduler.run(RunOptions.defaults().timeout(Duration.ofMillis(200)).waitForCalls(false)
                    .onCancelled(Action.CONTINUE));
            long took = System.nanoTime() - begin;

            assertEquals(ExitState.Code.TIMEOUT, exit.code());
            assertTrue(took < TimeUnit.SECONDS.toNanos(5), "run() took " + took / 1e6 + "ms");
            assertEquals(List.of(), outcomes.notExactlyOnce());
            assertEquals(10, scheduler.eventCount(SchedulerEvents.FUTURE_CANCELLED), "abandoned calls end cancelled");
        } finally {
            blocking.release.countDown();
        }
    }
}
