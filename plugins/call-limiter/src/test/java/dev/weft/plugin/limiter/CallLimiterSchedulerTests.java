package dev.weft.plugin.limiter;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Chain;
import dev.weft.ExitState;
import dev.weft.RunOptions;
import dev.weft.Scheduler;
import dev.weft.Task;
import dev.weft.api.On;
import dev.weft.api.OptionException;
import dev.weft.api.PluginException;
import dev.weft.plugin.retry.RetryFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The call-limiter in a real scheduler: each option, each event, and its place in a chain. */
// A hung run fails its test instead of the whole build; every run here takes milliseconds.
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CallLimiterSchedulerTests {

    // A bound, not a wait: every run here ends on its own in milliseconds.
    private static final RunOptions BOUNDED = RunOptions.defaults().timeout(Duration.ofSeconds(10));

    private static Chain limiter(Map<String, ?> options) {
        return Chain.empty().then(new CallLimiterFactory(), options);
    }

    private static ExitState run(Scheduler scheduler) {
        ExitState exit = scheduler.run(BOUNDED);
        assertEquals(ExitState.Code.EXHAUSTED, exit.code(), () -> "run ended with " + exit);
        return exit;
    }

    @Test
    void maxCallsVetoesEveryCallAfterTheLimitAndEmitsCallLimitReached() {
        Scheduler scheduler = Scheduler.withThreads(2);
        Task<Integer, Integer> task = scheduler.task("evaluate", x -> x, limiter(Map.of("max-calls", 2)));
        List<CallLimitReachedEvent> reached = new CopyOnWriteArrayList<>();
        task.on(LimiterEvents.CALL_LIMIT_REACHED, reached::add);
        AtomicInteger argument = new AtomicInteger();
        scheduler.onStart(() -> task.submit(argument.incrementAndGet()), On.repeat(10));

        run(scheduler);

        assertEquals(2, task.eventCount("submitted"));
        assertEquals(2, task.eventCount("result"));
        assertEquals(8, task.eventCount("call-limit-reached"));
        assertEquals(new CallLimitReachedEvent("evaluate", 3), reached.get(0));
    }

    @Test
    void submitReturnsEmptyForAVetoedCall() {
        Scheduler scheduler = Scheduler.withThreads(1);
        Task<Integer, Integer> task = scheduler.task("evaluate", x -> x, limiter(Map.of("max-calls", 1)));
        List<Boolean> accepted = new ArrayList<>();
        scheduler.onStart(() -> {
            accepted.add(task.submit(1).isPresent());
            accepted.add(task.submit(2).isPresent());
        });

        run(scheduler);

        assertEquals(List.of(true, false), accepted);
    }

    @Test
    void maxConcurrentVetoesWhileTheQueueIsFull() {
        Scheduler scheduler = Scheduler.withThreads(2);
        Task<Integer, Integer> task = scheduler.task("evaluate", x -> x, limiter(Map.of("max-concurrent", 2)));
        List<ConcurrentLimitReachedEvent> reached = new CopyOnWriteArrayList<>();
        task.on(LimiterEvents.CONCURRENT_LIMIT_REACHED, reached::add);
        AtomicInteger argument = new AtomicInteger();
        // Completions reach the loop only after this handler returns, so all ten meet a full queue.
        scheduler.onStart(() -> task.submit(argument.incrementAndGet()), On.repeat(10));

        run(scheduler);

        assertEquals(2, task.eventCount("submitted"));
        assertEquals(8, task.eventCount("concurrent-limit-reached"));
        assertEquals(new ConcurrentLimitReachedEvent("evaluate", 3), reached.get(0));
    }

    @Test
    void aCallHoldsItsConcurrentPlaceUntilItsTaskEventsAsInAmltk() {
        Scheduler scheduler = Scheduler.withThreads(1);
        Task<Integer, Integer> task = scheduler.task("evaluate", x -> x, limiter(Map.of("max-concurrent", 1)));
        AtomicBoolean acceptedFromSchedulerEvent = new AtomicBoolean(true);
        AtomicBoolean acceptedFromTaskEvent = new AtomicBoolean(false);
        scheduler.onStart(() -> task.submit(0));
        scheduler.onFutureResult((future, result) -> {
            if (Integer.valueOf(0).equals(result)) {
                acceptedFromSchedulerEvent.set(task.submit(1).isPresent());
            }
        });
        task.onResult((future, result) -> {
            if (result == 0) {
                acceptedFromTaskEvent.set(task.submit(2).isPresent());
            }
        });

        run(scheduler);

        assertFalse(acceptedFromSchedulerEvent.get(), "the finished call is still queued in future-result");
        assertTrue(acceptedFromTaskEvent.get(), "the finished call left the queue before result");
        assertEquals(1, task.eventCount("concurrent-limit-reached"));
    }

    @Test
    void notWhileRunningVetoesWhileTheOtherTaskRunsAndNamesIt() throws Exception {
        Scheduler scheduler = Scheduler.withThreads(2);
        // Created before the task it names: the name is looked up when a call is submitted.
        Task<Integer, Integer> evaluate = scheduler.task("evaluate", x -> x,
                limiter(Map.of("not-while-running", List.of("train"))));
        CountDownLatch trainStarted = new CountDownLatch(1);
        CountDownLatch releaseTrain = new CountDownLatch(1);
        Task<Integer, Integer> train = scheduler.task("train", x -> {
            trainStarted.countDown();
            assertTrue(releaseTrain.await(5, SECONDS));
            return x;
        });
        List<DisabledDueToRunningTaskEvent> disabled = new CopyOnWriteArrayList<>();
        evaluate.on(LimiterEvents.DISABLED_DUE_TO_RUNNING_TASK, disabled::add);
        AtomicBoolean acceptedWhileRunning = new AtomicBoolean(true);
        AtomicBoolean acceptedAfter = new AtomicBoolean(false);
        scheduler.onStart(() -> {
            train.submit(1);
            try {
                assertTrue(trainStarted.await(5, SECONDS));
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            acceptedWhileRunning.set(evaluate.submit(7).isPresent());
            releaseTrain.countDown();
        });
        train.onResult((future, result) -> acceptedAfter.set(evaluate.submit(8).isPresent()));

        run(scheduler);

        assertFalse(acceptedWhileRunning.get());
        assertTrue(acceptedAfter.get());
        assertEquals(List.of(new DisabledDueToRunningTaskEvent("train", "evaluate", 7)), disabled);
        assertEquals(1, evaluate.eventCount("submitted"));
    }

    @Test
    void aNotWhileNameThatIsNoTaskDoesNotBlock() {
        Scheduler scheduler = Scheduler.withThreads(1);
        Task<Integer, Integer> task = scheduler.task("evaluate", x -> x,
                limiter(Map.of("not-while-running", List.of("no-such-task"))));
        scheduler.onStart(() -> task.submit(1));

        run(scheduler);

        assertEquals(1, task.eventCount("submitted"));
        assertEquals(0, task.eventCount("disabled-due-to-running-task"));
    }

    @Test
    void aTaskCannotBeBlockedByItself() {
        Scheduler scheduler = Scheduler.withThreads(1);
        Chain chain = limiter(Map.of("not-while-running", List.of("evaluate")));

        PluginException e = assertThrows(PluginException.class, () -> scheduler.task("evaluate", x -> x, chain));

        OptionException cause = assertInstanceOf(OptionException.class, e.getCause());
        assertEquals("not-while-running", cause.option());
    }

    @Test
    void aBadLimitFailsWhenTheChainIsBuiltNamingTheOption() {
        OptionException e = assertThrows(OptionException.class, () -> limiter(Map.of("max-concurrent", 0)));

        assertEquals("max-concurrent", e.option());
    }

    @Test
    void retriesOfACallDoNotSpendMaxCalls() {
        Scheduler scheduler = Scheduler.withThreads(1);
        Map<Integer, AtomicInteger> attempts = new ConcurrentHashMap<>();
        Chain chain = limiter(Map.of("max-calls", 2))
                .then(new RetryFactory(), Map.of("max-attempts", 3, "backoff", "0"));
        // Each call fails twice, then succeeds: two retries per call.
        Task<Integer, Integer> task = scheduler.task("evaluate", x -> {
            if (attempts.computeIfAbsent(x, k -> new AtomicInteger()).incrementAndGet() < 3) {
                throw new IllegalStateException("attempt of " + x);
            }
            return x;
        }, chain);
        List<Boolean> accepted = new CopyOnWriteArrayList<>();
        scheduler.onStart(() -> accepted.add(task.submit(1).isPresent()));
        task.onResult((future, result) -> {
            if (result < 3) {
                accepted.add(task.submit(result + 1).isPresent());
            }
        });

        run(scheduler);

        // Three attempts of call 1 did not use up the two calls: call 2 was accepted, call 3 not.
        assertEquals(List.of(true, true, false), accepted);
        assertEquals(4, task.eventCount("retry"));
        assertEquals(2, task.eventCount("submitted"));
        assertEquals(2, task.eventCount("result"));
        assertEquals(1, task.eventCount("call-limit-reached"));
    }

    @Test
    void theEventTreeShowsThePanelAndTheEvents() {
        Scheduler scheduler = Scheduler.withThreads(1);
        Task<Integer, Integer> other = scheduler.task("train", x -> x);
        Task<Integer, Integer> task = scheduler.task("evaluate", x -> x,
                limiter(Map.of("max-calls", 2, "max-concurrent", 4, "not-while-running", List.of("train"))));
        scheduler.onStart(() -> task.submit(1), On.repeat(3));

        run(scheduler);
        String tree = scheduler.render(false);

        assertTrue(tree.contains("Plugin call-limiter"), tree);
        assertTrue(tree.contains("Calls 2/2"), tree);
        assertTrue(tree.contains("Concurrent 0/4"), tree);
        assertTrue(tree.contains("Not while train not running"), tree);
        assertTrue(tree.contains("@call-limit-reached 1"), tree);
        assertFalse(other.running());
    }
}
