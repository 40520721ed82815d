package dev.weft.plugin.retry;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Action;
import dev.weft.Chain;
import dev.weft.ExitState;
import dev.weft.RunOptions;
import dev.weft.Scheduler;
import dev.weft.Task;
import dev.weft.api.TaskFuture;
import dev.weft.testkit.FakeClock;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The retry plugin in a real scheduler whose clock the test drives: the run goes on a thread of
 * its own, and the test advances time to the end of each back-off once its timer is set.
 */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RetrySchedulerTests {

    private static final RunOptions CONTINUE = RunOptions.defaults().onException(Action.CONTINUE);
    /** How long, in real time, a test waits for the scheduler to set its next timer. */
    private static final Duration TIMER_SET = Duration.ofSeconds(5);

    private final FakeClock clock = new FakeClock();
    private final ExecutorService runner = Executors.newSingleThreadExecutor();
    private final Scheduler scheduler = Scheduler.builder().threads(1).clock(clock).build();
    /** Every failure, result and plugin event of the task, by name, in order. */
    private final List<String> timeline = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopThreads() {
        runner.shutdownNow();
    }

    private static Chain retry(Map<String, ?> options) {
        return Chain.empty().then(new RetryFactory(), options);
    }

    private <R> Task<Integer, R> task(dev.weft.TaskFunction<Integer, R> function, Chain chain) {
        Task<Integer, R> task = scheduler.task("evaluate", function, chain);
        for (String event : List.of("retry", "retries-exhausted", "retry-aborted", "result", "exception")) {
            task.on(event, payload -> timeline.add(event));
        }
        return task;
    }

    private Future<ExitState> start() {
        return runner.submit(() -> scheduler.run(CONTINUE));
    }

    private static ExitState finished(Future<ExitState> run) throws Exception {
        ExitState exit = run.get(5, SECONDS);
        assertEquals(ExitState.Code.EXHAUSTED, exit.code(), exit::toString);
        return exit;
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    @Test
    void aCallFailingTwiceThenSucceedingEndsInOneResultAfterTwoRetries() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        Task<Integer, Integer> task = task(x -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IOException("attempt " + attempts.get());
            }
            return x * 2;
        }, retry(Map.of()));
        List<RetryEvent> retries = new CopyOnWriteArrayList<>();
        task.on(RetryEvents.RETRY, retries::add);
        List<Integer> results = new CopyOnWriteArrayList<>();
        task.onResult((future, result) -> results.add(result));
        AtomicReference<TaskFuture<Integer>> call = new AtomicReference<>();
        scheduler.onStart(() -> call.set(task.submit(21).orElseThrow()));
        Future<ExitState> run = start();

        Duration first = clock.awaitTimer(TIMER_SET);
        // Time stands still until the test moves it: the retry waits for its back-off.
        assertEquals(ms(100), first);
        assertEquals(1, attempts.get());
        clock.advance(first);
        Duration second = clock.awaitTimer(TIMER_SET);
        assertEquals(ms(200), second);
        assertEquals(2, attempts.get());
        clock.advance(second);
        finished(run);

        assertEquals(List.of(42), results);
        assertEquals(List.of("retry", "retry", "result"), timeline);
        assertEquals(2, task.eventCount("retry"));
        assertEquals(1, task.eventCount("submitted"), "a retry is not a new call");
        assertEquals(0, task.eventCount("exception"));
        assertEquals(3, call.get().attempts());
        RetryEvent firstRetry = retries.get(0);
        assertEquals(call.get().id(), firstRetry.call());
        assertEquals("evaluate", firstRetry.task());
        assertEquals(1, firstRetry.attempt());
        assertEquals("attempt 1", firstRetry.cause().getMessage());
        assertEquals(ms(100), firstRetry.delay());
        assertEquals(2, retries.get(1).attempt());
    }

    @Test
    void givingUpEndsInOneExceptionWhoseCauseCarriesTheEarlierCausesSuppressed() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        Task<Integer, Integer> task = task(x -> {
            throw new IllegalStateException("attempt " + attempts.incrementAndGet());
        }, retry(Map.of("max-attempts", 3)));
        List<RetriesExhaustedEvent> exhausted = new CopyOnWriteArrayList<>();
        task.on(RetryEvents.RETRIES_EXHAUSTED, exhausted::add);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        task.onException((future, error) -> failures.add(error));
        scheduler.onStart(() -> task.submit(1));
        Future<ExitState> run = start();

        clock.advance(clock.awaitTimer(TIMER_SET));
        clock.advance(clock.awaitTimer(TIMER_SET));
        finished(run);

        assertEquals(List.of("retry", "retry", "retries-exhausted", "exception"), timeline);
        assertEquals(1, failures.size());
        Throwable cause = failures.get(0);
        assertEquals("attempt 3", cause.getMessage());
        assertEquals(List.of("attempt 1", "attempt 2"),
                Arrays.stream(cause.getSuppressed()).map(Throwable::getMessage).toList());
        RetriesExhaustedEvent gaveUp = exhausted.get(0);
        assertEquals(3, gaveUp.attempts());
        assertEquals("max-attempts", gaveUp.limit());
        assertSame(cause, gaveUp.cause());
    }

    @Test
    void abortOnFailsTheCallAtOnceWithRetryAborted() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        Task<Integer, Integer> task = task(x -> {
            attempts.incrementAndGet();
            throw new IllegalArgumentException("bad input");
        }, retry(Map.of("abort-on", List.of("IllegalArgumentException"))));
        List<RetryAbortedEvent> aborted = new CopyOnWriteArrayList<>();
        task.on(RetryEvents.RETRY_ABORTED, aborted::add);
        scheduler.onStart(() -> task.submit(1));

        finished(start());

        assertEquals(List.of("retry-aborted", "exception"), timeline);
        assertEquals(1, attempts.get());
        assertEquals(1, aborted.get(0).attempt());
        assertEquals("bad input", aborted.get(0).cause().getMessage());
        assertFalse(clock.hasUnseenTimer());
    }

    @Test
    void aFailureRetryOnDoesNotNameFailsTheCallWithoutRetryEvents() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        Task<Integer, Integer> task = task(x -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("not an I/O problem");
        }, retry(Map.of("retry-on", List.of("java.io.IOException"))));
        scheduler.onStart(() -> task.submit(1));

        finished(start());

        assertEquals(List.of("exception"), timeline);
        assertEquals(1, attempts.get());
    }

    @Test
    void backoffGrowsByTheMultiplierUpToMaxBackoff() throws Exception {
        Task<Integer, Integer> task = task(x -> {
            throw new IOException("down");
        }, retry(Map.of("max-attempts", 4, "backoff", "10ms", "multiplier", 3, "max-backoff", "50ms")));
        List<Duration> announced = new CopyOnWriteArrayList<>();
        task.on(RetryEvents.RETRY, e -> announced.add(e.delay()));
        scheduler.onStart(() -> task.submit(1));
        Future<ExitState> run = start();

        List<Duration> timers = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 3; i++) {
            Duration delay = clock.awaitTimer(TIMER_SET);
            timers.add(delay);
            clock.advance(delay);
        }
        finished(run);

        assertEquals(List.of(ms(10), ms(30), ms(50)), timers);
        assertEquals(timers, announced);
        assertEquals(1, task.eventCount("retries-exhausted"));
    }

    @Test
    void jitterVariesEachBackoffWithinItsFraction() throws Exception {
        Task<Integer, Integer> task = task(x -> {
            throw new IOException("down");
        }, retry(Map.of("max-attempts", 6, "backoff", "100ms", "multiplier", 1, "jitter", 0.5)));
        List<Duration> announced = new CopyOnWriteArrayList<>();
        task.on(RetryEvents.RETRY, e -> announced.add(e.delay()));
        scheduler.onStart(() -> task.submit(1));
        Future<ExitState> run = start();

        List<Duration> timers = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 5; i++) {
            Duration delay = clock.awaitTimer(TIMER_SET);
            timers.add(delay);
            clock.advance(delay);
        }
        finished(run);

        assertEquals(timers, announced);
        for (Duration d : timers) {
            assertTrue(d.compareTo(ms(50)) >= 0 && d.compareTo(ms(150)) <= 0, d.toString());
        }
    }

    @Test
    void maxDurationGivesUpWhenTheNextBackoffWouldEndPastTheBudget() throws Exception {
        Task<Integer, Integer> task = task(x -> {
            throw new IOException("down");
        }, retry(Map.of("max-attempts", 10, "backoff", "100ms", "multiplier", 1, "max-duration", "250ms")));
        List<RetriesExhaustedEvent> exhausted = new CopyOnWriteArrayList<>();
        task.on(RetryEvents.RETRIES_EXHAUSTED, exhausted::add);
        scheduler.onStart(() -> task.submit(1));
        Future<ExitState> run = start();

        clock.advance(clock.awaitTimer(TIMER_SET));
        clock.advance(clock.awaitTimer(TIMER_SET));
        // 200ms gone: a third 100ms back-off would end at 300ms, past the 250ms budget.
        finished(run);

        assertEquals(List.of("retry", "retry", "retries-exhausted", "exception"), timeline);
        assertEquals(3, exhausted.get(0).attempts());
        assertEquals("max-duration", exhausted.get(0).limit());
    }

    @Test
    void aRetryInsideARetryGetsAFreshBudgetForEachOuterAttempt() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        Chain chain = retry(Map.of("max-attempts", 2)).then(new RetryFactory(), Map.of("max-attempts", 2));
        Task<Integer, Integer> task = task(x -> {
            throw new IOException("attempt " + attempts.incrementAndGet());
        }, chain);
        scheduler.onStart(() -> task.submit(1));
        Future<ExitState> run = start();

        for (int i = 0; i < 3; i++) {
            clock.advance(clock.awaitTimer(TIMER_SET));
        }
        finished(run);

        // inner: retry, gives up; outer: retry; inner (fresh): retry, gives up; outer gives up.
        assertEquals(4, attempts.get());
        assertEquals(List.of("retry", "retries-exhausted", "retry", "retry", "retries-exhausted",
                "retries-exhausted", "exception"), timeline);
    }

    @Test
    void theEventTreeShowsThePanelAndTheEvents() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        Task<Integer, Integer> task = task(x -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IOException("down");
            }
            return x;
        }, retry(Map.of()));
        scheduler.onStart(() -> task.submit(1));
        Future<ExitState> run = start();

        clock.advance(clock.awaitTimer(TIMER_SET));
        clock.advance(clock.awaitTimer(TIMER_SET));
        finished(run);
        String tree = scheduler.render(false);

        assertTrue(tree.contains("Plugin retry"), tree);
        assertTrue(tree.contains("Attempts 3"), tree);
        assertTrue(tree.contains("Retries 2"), tree);
        assertTrue(tree.contains("Gave up 0"), tree);
        assertTrue(tree.contains("@retry 2"), tree);
    }
}
