package dev.weft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.api.CallScope;
import dev.weft.api.EventType;
import dev.weft.api.Failure;
import dev.weft.api.Field;
import dev.weft.api.Invocation;
import dev.weft.api.ManualClock;
import dev.weft.api.On;
import dev.weft.api.Panel;
import dev.weft.api.PluginErrorEvent;
import dev.weft.api.PluginException;
import dev.weft.api.SchedulerEvents;
import dev.weft.api.Submission;
import dev.weft.api.TaskContext;
import dev.weft.api.TaskPlugin;
import dev.weft.api.TaskTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The plugin hooks and the chain's contract, with small plugins written here. */
public class PluginChainTests {

    /** Payload of the test plugin's own event. */
    public record Noted(String what, Object argument) {
    }

    static final EventType<Noted> NOTED = EventType.of("noted", Noted.class);

    /** Vetoes odd arguments and says so with its own event. */
    static final class EvenOnly implements TaskPlugin {
        TaskContext context;
        int vetoed;

        @Override
        public String name() {
            return "even-only";
        }

        @Override
        public void attach(TaskContext task) {
            context = task;
            task.register(NOTED);
        }

        @Override
        public void beforeSubmit(Submission submission) {
            if (((Integer) submission.argument()) % 2 != 0) {
                vetoed++;
                context.emit(NOTED, new Noted("vetoed", submission.argument()));
                submission.veto("odd");
            }
        }

        @Override
        public void describe(Panel panel) {
            panel.row("Vetoed", vetoed);
        }
    }

    /** Records the hooks it sees, by name, in a shared list. */
    static final class Recording implements TaskPlugin {
        final String name;
        final List<String> log;

        Recording(String name, List<String> log) {
            this.name = name;
            this.log = log;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void beforeSubmit(Submission submission) {
            log.add(name + ".beforeSubmit");
        }

        @Override
        public Object around(Invocation invocation) throws Exception {
            log.add(name + ".around>" + invocation.attempt());
            try {
                return invocation.proceed();
            } finally {
                log.add(name + ".around<" + invocation.attempt());
            }
        }

        @Override
        public void onFailure(Failure failure) {
            log.add(name + ".onFailure");
        }
    }

    /** Retries up to a number of attempts (per scope) with no delay. */
    static final class Retrying implements TaskPlugin {
        final int attempts;
        final Duration delay;

        Retrying(int attempts, Duration delay) {
            this.attempts = attempts;
            this.delay = delay;
        }

        @Override
        public String name() {
            return "retrying";
        }

        @Override
        public void onFailure(Failure failure) {
            AtomicInteger made = failure.scope().state(() -> new AtomicInteger(1));
            if (made.get() < attempts) {
                made.incrementAndGet();
                failure.retryAfter(delay);
            }
        }
    }

    /** Fails its scope after a limit, measured on the scheduler's clock from its first entry. */
    static final class Limit implements TaskPlugin {
        final Duration limit;
        TaskContext context;
        final AtomicInteger fired = new AtomicInteger();

        Limit(Duration limit) {
            this.limit = limit;
        }

        @Override
        public String name() {
            return "limit";
        }

        @Override
        public void attach(TaskContext task) {
            context = task;
        }

        @Override
        public Object around(Invocation invocation) throws Exception {
            var scope = invocation.scope();
            scope.state(() -> {
                var timer = context.clock().schedule(limit, () -> {
                    // Counted before failing: the run may end as soon as the failure reaches the loop.
                    fired.incrementAndGet();
                    if (!scope.fail(new TaskTimeoutException(limit, limit), true)) {
                        fired.decrementAndGet();
                    }
                });
                scope.onEnd(timer::cancel);
                return timer;
            });
            return invocation.proceed();
        }
    }

    @Test
    void aVetoedCallIsNotSubmittedAndThePluginsEventShowsInTheTree() {
        Scheduler scheduler = Scheduler.sequential();
        EvenOnly plugin = new EvenOnly();
        Task<Integer, Integer> task = scheduler.task("evens", x -> x, Chain.of(plugin));
        List<Optional<?>> submitted = new ArrayList<>();
        List<List<Field>> noted = new ArrayList<>();
        task.on("noted", e -> noted.add(EventType.fieldsOf(e)));
        scheduler.onStart(() -> {
            for (int i = 0; i < 4; i++) {
                submitted.add(task.submit(i));
            }
        });

        scheduler.run();

        assertEquals(List.of(true, false, true, false), submitted.stream().map(Optional::isPresent).toList());
        assertEquals(2, task.eventCount("submitted"));
        assertEquals(2, task.vetoed());
        assertEquals(2, task.eventCount(NOTED));
        assertEquals(List.of(new Field("what", "vetoed"), new Field("argument", 1)), noted.get(0));
        String tree = scheduler.render();
        assertTrue(tree.contains("    └── Plugin even-only\n        ├── Vetoed 2\n        └── @noted 2\n"), tree);
        assertTrue(scheduler.snapshotJson().contains("\"name\":\"even-only\",\"rows\":[{\"label\":\"Vetoed\",\"value\":\"2\"}],"
                + "\"events\":[{\"name\":\"noted\",\"count\":2"), scheduler.snapshotJson());
    }

    @Test
    void aroundWrapsOuterToInnerAndFailuresGoInnerToOuter() {
        Scheduler scheduler = Scheduler.sequential();
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        Task<Integer, Integer> task = scheduler.task("t", x -> {
            log.add("fn");
            throw new IllegalStateException("no");
        }, Chain.of(new Recording("a", log), new Recording("b", log)));
        scheduler.onStart(() -> task.submit(1));

        scheduler.run(RunOptions.defaults().onException(Action.CONTINUE));

        assertEquals(List.of("a.beforeSubmit", "b.beforeSubmit", "a.around>1", "b.around>1", "fn", "b.around<1",
                "a.around<1", "b.onFailure", "a.onFailure"), log);
    }

    /** Keeps a state per scope and an end action, and notes both, by name, in a shared list. */
    static final class ScopeNoting implements TaskPlugin {
        final String name;
        final List<String> log;

        ScopeNoting(String name, List<String> log) {
            this.name = name;
            this.log = log;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Object around(Invocation invocation) throws Exception {
            CallScope scope = invocation.scope();
            AtomicInteger entries = scope.state(AtomicInteger::new);
            if (entries.getAndIncrement() == 0) {
                scope.onEnd(() -> log.add(name + " ended after " + entries.get()));
            }
            return invocation.proceed();
        }
    }

    @Test
    void eachScopeKeepsItsStateAcrossItsAttemptsAndRunsItsEndActionsOnceWhenItEnds() {
        Scheduler scheduler = Scheduler.sequential();
        List<String> log = new ArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        // outer spans the call's three attempts; each retry ends inner's scope and starts a new one.
        Task<Integer, Integer> task = scheduler.task("flaky", x -> {
            if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("attempt " + calls.get());
            }
            return x;
        }, Chain.of(new ScopeNoting("outer", log), new Retrying(3, Duration.ZERO), new ScopeNoting("inner", log)));
        scheduler.onStart(() -> task.submit(1));

        scheduler.run();

        // Each retry ended the inner scope; the call's end ended the last inner scope and the outer one.
        assertEquals(List.of("inner ended after 1", "inner ended after 1"), log.subList(0, 2));
        assertEquals(List.of("inner ended after 1", "outer ended after 3"), log.subList(2, 4).stream().sorted().toList());
        assertEquals(4, log.size());
    }

    @Test
    void anEndActionAddedToAnEndedScopeRunsAtOnce() {
        Scheduler scheduler = Scheduler.sequential();
        List<String> log = new ArrayList<>();
        AtomicReference<CallScope> kept = new AtomicReference<>();
        Task<Integer, Integer> task = scheduler.task("once", x -> x, Chain.of(new TaskPlugin() {
            @Override
            public String name() {
                return "keeper";
            }

            @Override
            public Object around(Invocation invocation) throws Exception {
                kept.set(invocation.scope());
                return invocation.proceed();
            }
        }));
        scheduler.onStart(() -> task.submit(1));
        scheduler.run();

        assertTrue(kept.get().isEnded());
        kept.get().onEnd(() -> log.add("ran"));
        assertEquals(List.of("ran"), log);
    }

    @Test
    void aRetryIsTheSameCallWithOneTerminalEventAndEarlierCausesSuppressed() {
        Scheduler scheduler = Scheduler.withThreads(2);
        AtomicInteger calls = new AtomicInteger();
        Task<Integer, Integer> task = scheduler.task("flaky", x -> {
            throw new IllegalStateException("attempt " + calls.incrementAndGet());
        }, Chain.of(new Retrying(3, Duration.ZERO)));
        List<Throwable> failures = new ArrayList<>();
        task.onException((f, e) -> failures.add(e));
        scheduler.onStart(() -> task.submit(1));

        scheduler.run(RunOptions.defaults().onException(Action.CONTINUE));

        assertEquals(3, calls.get());
        assertEquals(1, task.eventCount("submitted"));
        assertEquals(1, task.eventCount("exception"));
        assertEquals(1, scheduler.eventCount("future-exception"));
        assertEquals("attempt 3", failures.get(0).getMessage());
        assertEquals(List.of("attempt 1", "attempt 2"),
                List.of(failures.get(0).getSuppressed()).stream().map(Throwable::getMessage).toList());
    }

    @Test
    void retryOutsideTheLimitGivesEachAttemptTheWholeLimit() throws Exception {
        ManualClock clock = new ManualClock();
        Scheduler scheduler = Scheduler.builder().threads(1).clock(clock).build();
        Limit limit = new Limit(Duration.ofSeconds(2));
        List<CountDownLatch> started = List.of(new CountDownLatch(1), new CountDownLatch(1), new CountDownLatch(1));
        AtomicInteger attempt = new AtomicInteger();
        Task<Integer, Integer> task = scheduler.task("t", x -> {
            int n = attempt.getAndIncrement();
            started.get(n).countDown();
            if (n < 2) {
                Thread.sleep(30_000); // interrupted by the limit
            }
            return n;
        }, Chain.of(new Retrying(3, Duration.ofSeconds(1)), limit));
        List<Integer> results = new ArrayList<>();
        task.onResult((f, r) -> results.add(r));
        scheduler.onStart(() -> task.submit(1));
        Thread driver = new Thread(() -> {
            try {
                for (int i = 0; i < 2; i++) {
                    started.get(i).await(5, TimeUnit.SECONDS);
                    clock.advance(Duration.ofMillis(1999));
                    clock.advance(Duration.ofMillis(1)); // the limit hits: 2s for this attempt
                    while (clock.pendingTimers() == 0 && attempt.get() == i + 1) {
                        Thread.onSpinWait(); // until the loop scheduled the retry's back-off
                    }
                    clock.advance(Duration.ofSeconds(1)); // back-off
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        driver.setDaemon(true);
        driver.start();

        scheduler.run(RunOptions.defaults().onException(Action.CONTINUE));

        assertEquals(List.of(2), results);
        assertEquals(2, limit.fired.get(), "each attempt got its own 2s limit");
    }

    @Test
    void limitOutsideTheRetryCoversAllAttemptsAndDropsThePendingRetry() {
        ManualClock clock = new ManualClock();
        Scheduler scheduler = Scheduler.builder().threads(1).clock(clock).build();
        Limit limit = new Limit(Duration.ofSeconds(2));
        AtomicInteger attempts = new AtomicInteger();
        CountDownLatch firstFailed = new CountDownLatch(1);
        Task<Integer, Integer> task = scheduler.task("t", x -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("fails fast");
        }, Chain.of(limit, new Retrying(10, Duration.ofSeconds(5))));
        List<Throwable> failures = new ArrayList<>();
        task.onException((f, e) -> failures.add(e));
        scheduler.onStart(() -> task.submit(1));
        scheduler.onStart(() -> {
            Thread driver = new Thread(() -> {
                while (clock.pendingTimers() < 2) {
                    Thread.onSpinWait(); // the limit's timer and the first back-off
                }
                clock.advance(Duration.ofSeconds(2)); // the limit hits during the 5s back-off
                firstFailed.countDown();
            });
            driver.setDaemon(true);
            driver.start();
        });

        scheduler.run(RunOptions.defaults().onException(Action.CONTINUE));

        assertEquals(1, attempts.get(), "the pending retry was dropped");
        assertTrue(failures.get(0) instanceof TaskTimeoutException, String.valueOf(failures));
        assertEquals(1, limit.fired.get());
        assertEquals(0, clock.pendingTimers(), "no timer left behind");
    }

    @Test
    void aroundThatNeverProceedsFailsTheCallWithAPluginExceptionAndPluginError() {
        assertContractBroken(new TaskPlugin() {
            @Override
            public String name() {
                return "lazy";
            }

            @Override
            public Object around(Invocation invocation) {
                return 42;
            }
        }, "plugin 'lazy' failed in around: returned without calling proceed()", 0);
    }

    @Test
    void aroundThatProceedsTwiceFailsTheCallWithAPluginException() {
        assertContractBroken(new TaskPlugin() {
            @Override
            public String name() {
                return "eager";
            }

            @Override
            public Object around(Invocation invocation) throws Exception {
                invocation.proceed();
                return invocation.proceed();
            }
        }, "plugin 'eager' failed in around: called proceed() more than once", 1);
    }

    @Test
    void retryAfterTwiceForOneFailureFailsTheCallWithAPluginExceptionAndNoRetry() {
        assertContractBroken(new TaskPlugin() {
            @Override
            public String name() {
                return "greedy";
            }

            @Override
            public void onFailure(Failure failure) {
                failure.retryAfter(Duration.ofSeconds(1));
                failure.retryAfter(Duration.ofSeconds(2));
            }
        }, "plugin 'greedy' failed in onFailure: threw java.lang.IllegalStateException: retryAfter called twice,"
                + " with PT1S then PT2S", 1);
    }

    @Test
    void emittingAnUnregisteredEventFromAWorkerFailsTheCallNotTheRun() {
        assertContractBroken(new AroundPlugin("loud", context -> context.emit(NOTED, new Noted("never registered", 1))),
                "plugin 'loud' failed in around: threw java.lang.IllegalArgumentException: task 't' has no event"
                + " 'noted'; known events: submitted, done, result, exception, cancelled", 0);
    }

    @Test
    void aTimerActionThatThrowsIsReportedAsThePluginsFaultAndTheCallGoesOn() throws Exception {
        CountDownLatch reported = new CountDownLatch(1);
        Scheduler scheduler = Scheduler.withThreads(1);
        Task<Integer, Integer> task = scheduler.task("t", x -> {
            // Holds the call, and so the run, until the timer's fault has reached the loop.
            assertTrue(reported.await(10, TimeUnit.SECONDS), "the timer's fault was reported");
            return x;
        }, Chain.of(new AroundPlugin("ticking", context -> context.clock().schedule(Duration.ZERO, () -> {
            throw new IllegalStateException("timer bug");
        }))));
        List<PluginErrorEvent> errors = Collections.synchronizedList(new ArrayList<>());
        scheduler.on(SchedulerEvents.PLUGIN_ERROR, e -> {
            errors.add(e);
            reported.countDown();
        });
        List<Integer> results = new ArrayList<>();
        task.onResult((f, r) -> results.add(r));
        scheduler.onStart(() -> task.submit(7));

        ExitState exit = scheduler.run();

        assertEquals(ExitState.Code.EXHAUSTED, exit.code());
        assertEquals(List.of(7), results, "the call was not touched");
        assertEquals(1, errors.size());
        assertEquals("t", errors.get(0).task());
        assertEquals("ticking", errors.get(0).plugin());
        assertEquals("timer", errors.get(0).hook());
        assertEquals("plugin 'ticking' failed in timer: threw java.lang.IllegalStateException: timer bug",
                errors.get(0).error().getMessage());
    }

    @Test
    void eachHookThatThrowsFailsTheCallNamingThePluginAndHook() {
        for (String hook : List.of("beforeSubmit", "around", "onFailure")) {
            assertContractBroken(new TaskPlugin() {
                @Override
                public String name() {
                    return "faulty";
                }

                @Override
                public void beforeSubmit(Submission submission) {
                    fail("beforeSubmit");
                }

                @Override
                public Object around(Invocation invocation) throws Exception {
                    fail("around");
                    return invocation.proceed();
                }

                @Override
                public void onFailure(Failure failure) {
                    fail("onFailure");
                }

                private void fail(String here) {
                    if (here.equals(hook)) {
                        throw new IllegalStateException("bug in " + here);
                    }
                }
            }, "plugin 'faulty' failed in " + hook + ": threw java.lang.IllegalStateException: bug in " + hook,
                    hook.equals("onFailure") ? -1 : 0);
        }
    }

    /** Runs one call through the plugin; expects the given failure and, unless -1, that many function runs. */
    private static void assertContractBroken(TaskPlugin plugin, String message, int functionRuns) {
        Scheduler scheduler = Scheduler.withThreads(1);
        AtomicInteger runs = new AtomicInteger();
        Task<Integer, Integer> task = scheduler.task("t", x -> {
            runs.incrementAndGet();
            if (message.contains("onFailure")) {
                throw new IllegalArgumentException("so onFailure is asked");
            }
            return x;
        }, Chain.of(plugin));
        List<Throwable> failures = new ArrayList<>();
        List<PluginErrorEvent> errors = new ArrayList<>();
        task.onException((f, e) -> failures.add(e));
        scheduler.on(SchedulerEvents.PLUGIN_ERROR, errors::add);
        scheduler.onStart(() -> task.submit(1));

        ExitState exit = scheduler.run(RunOptions.defaults().onException(Action.CONTINUE));

        assertEquals(ExitState.Code.EXHAUSTED, exit.code(), "the scheduler kept running");
        assertEquals(1, failures.size(), message);
        assertEquals(message, failures.get(0).getMessage());
        assertTrue(failures.get(0) instanceof PluginException);
        assertEquals(1, errors.size());
        assertEquals("t", errors.get(0).task());
        if (functionRuns >= 0) {
            assertEquals(functionRuns, runs.get());
        }
    }

    @Test
    void aPluginThatRefusesTheTaskLeavesNothingBehind() {
        Scheduler scheduler = Scheduler.sequential();
        TaskPlugin refusing = new TaskPlugin() {
            @Override
            public String name() {
                return "refusing";
            }

            @Override
            public void attach(TaskContext task) {
                task.register(NOTED);
                task.onScheduler(SchedulerEvents.START, s -> { }, On.hiddenHandler());
                throw new IllegalArgumentException("not this task");
            }
        };
        PluginException e = assertThrows(PluginException.class,
                () -> scheduler.task("t", x -> x, Chain.of(refusing)));
        assertEquals("plugin 'refusing' failed in attach: threw java.lang.IllegalArgumentException: not this task",
                e.getMessage());
        assertTrue(scheduler.findTask("t").isEmpty());
        assertFalse(scheduler.render().contains("Task t"));

        Task<Integer, Integer> task = scheduler.task("u", x -> x);
        assertThrows(PluginException.class, () -> task.attach(refusing));
        assertEquals(List.of(), task.plugins());
        assertFalse(task.events().contains("noted"), "the event it registered was undone");
    }

    @Test
    void chainsConfiguredByTaskNameGiveEachTaskItsOwnInstances() {
        List<EvenOnly> made = new ArrayList<>();
        Chain evens = Chain.empty().then("even-only", () -> {
            EvenOnly p = new EvenOnly();
            made.add(p);
            return p;
        });
        Scheduler scheduler = Scheduler.builder().sequential()
                .chains(name -> name.startsWith("even") ? evens : Chain.empty()).build();
        Task<Integer, Integer> a = scheduler.task("even-a", x -> x);
        Task<Integer, Integer> b = scheduler.task("even-b", x -> x);
        Task<Integer, Integer> c = scheduler.task("other", x -> x);
        assertEquals(List.of("even-only"), a.plugins());
        assertEquals(List.of("even-only"), b.plugins());
        assertEquals(List.of(), c.plugins());
        assertEquals(2, made.size());
        assertTrue(made.get(0) != made.get(1));
        assertEquals("even-only(fn)", evens.toString());
        assertEquals("fn", evens.without("even-only").toString());
        assertEquals(List.of(), evens.without("even-only").names());
        assertTrue(evens.without("other") == evens);
    }
}
