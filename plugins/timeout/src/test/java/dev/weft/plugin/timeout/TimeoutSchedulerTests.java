package dev.weft.plugin.timeout;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Action;
import dev.weft.Chain;
import dev.weft.ExitState;
import dev.weft.RunOptions;
import dev.weft.Scheduler;
import dev.weft.Task;
import dev.weft.api.TaskTimeoutException;
import dev.weft.testkit.FakeClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The timeout plugin in a real scheduler; time moves only when a test advances the manual clock. */
class TimeoutSchedulerTests {

    private static final Duration LIMIT = Duration.ofSeconds(2);
    /** How long, in real time, a test waits for the scheduler to set a timer. */
    private static final Duration TIMER_SET = Duration.ofSeconds(5);

    private final FakeClock clock = new FakeClock();
    private final Scheduler scheduler = Scheduler.builder().threads(2).clock(clock).build();
    private final TimeoutPluginFactory factory = new TimeoutPluginFactory();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final List<TimeoutEvent> timeouts = new CopyOnWriteArrayList<>();
    private final List<Long> submitted = new CopyOnWriteArrayList<>();


    private Chain timeoutChain() {
        return Chain.empty().then(factory, Map.of("limit", "2s"));
    }

    private <A, R> void watch(Task<A, R> task, CountDownLatch ended) {
        task.onException((future, error) -> {
            failures.add(error);
            ended.countDown();
        });
        task.onResult((future, result) -> ended.countDown());
        task.on(TimeoutEvents.TIMEOUT, timeouts::add);
        task.onSubmitted(future -> submitted.add(future.id()));
    }

    /** Runs the scheduler on a thread of its own, so the test thread can drive the clock. */
    private CompletableFuture<ExitState> runInBackground() {
        CompletableFuture<ExitState> exit = new CompletableFuture<>();
        Thread loop = new Thread(() -> {
            try {
                exit.complete(scheduler.run(RunOptions.defaults().onException(Action.CONTINUE)));
            } catch (Throwable t) {
                exit.completeExceptionally(t);
            }
        }, "test-loop");
        loop.start();
        return exit;
    }

    @Test
    void aCallPastItsLimitFailsWithTimeoutAndItsWorkerIsInterrupted() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        CountDownLatch ended = new CountDownLatch(1);
        Task<Integer, String> task = scheduler.task("slow", x -> {
            started.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
            return "never";
        }, timeoutChain());
        watch(task, ended);
        CountDownLatch timeoutSeen = new CountDownLatch(1);
        task.on(TimeoutEvents.TIMEOUT, e -> timeoutSeen.countDown());
        scheduler.onStart(() -> task.submit(1));
        CompletableFuture<ExitState> exit = runInBackground();

        assertTrue(started.await(5, SECONDS));
        clock.advance(Duration.ofMillis(1999));
        assertEquals(0, task.eventCount("timeout"), "timed out before its limit");
        clock.advance(Duration.ofMillis(1));

        assertTrue(interrupted.await(5, SECONDS), "worker interrupted");
        assertTrue(ended.await(5, SECONDS));
        assertTrue(timeoutSeen.await(5, SECONDS));
        assertEquals(ExitState.Code.EXHAUSTED, awaitExit(exit).code());
        TaskTimeoutException error = assertInstanceOf(TaskTimeoutException.class, failures.get(0));
        assertEquals(LIMIT, error.limit());
        assertEquals(LIMIT, error.elapsed());
        assertEquals(List.of(new TimeoutEvent(submitted.get(0), "slow", LIMIT, LIMIT)), timeouts);
        assertEquals(1, task.eventCount("timeout"));
        assertEquals(0, task.eventCount("timeout-ignored"), "it honoured the interrupt");
        assertTrue(scheduler.render().contains("Timed out"), scheduler.render());
    }

    @Test
    void aFunctionIgnoringTheInterruptIsReportedOnceItReturns() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch ended = new CountDownLatch(1);
        Task<Integer, String> task = scheduler.task("stubborn", x -> {
            started.countDown();
            awaitUninterruptibly(release);
            return "late";
        }, timeoutChain());
        watch(task, ended);
        List<TimeoutIgnoredEvent> ignored = new CopyOnWriteArrayList<>();
        CountDownLatch ignoredSeen = new CountDownLatch(1);
        task.on(TimeoutEvents.TIMEOUT_IGNORED, e -> {
            ignored.add(e);
            ignoredSeen.countDown();
        });
        scheduler.onStart(() -> task.submit(1));
        CompletableFuture<ExitState> exit = runInBackground();

        assertTrue(started.await(5, SECONDS));
        clock.advance(LIMIT);
        assertTrue(ended.await(5, SECONDS), "the call ends at its limit, without waiting for the function");
        assertInstanceOf(TaskTimeoutException.class, failures.get(0));
        assertEquals(1, ignoredSeen.getCount(), "not reported before it returns");

        clock.advance(Duration.ofSeconds(3));
        release.countDown();
        assertTrue(ignoredSeen.await(5, SECONDS));
        awaitExit(exit);
        assertEquals(List.of(new TimeoutIgnoredEvent(submitted.get(0), "stubborn", Duration.ofSeconds(5))), ignored);
        assertTrue(scheduler.render().contains("Ignored interrupt"), scheduler.render());
    }

    @Test
    void retryOutsideTimeoutGivesEachAttemptTheWholeLimit() throws Exception {
        RetryingTestPlugin retry = new RetryingTestPlugin(3, Duration.ofSeconds(1));
        Semaphore attemptStarted = new Semaphore(0);
        AtomicInteger attempts = new AtomicInteger();
        CountDownLatch ended = new CountDownLatch(1);
        // [retry, timeout] = retry(timeout(fn)): attempts 1 and 2 hang past 2s, attempt 3 returns.
        Task<Integer, String> task = scheduler.task("flaky", x -> {
            int n = attempts.incrementAndGet();
            attemptStarted.release();
            if (n < 3) {
                new CountDownLatch(1).await();
            }
            return "ok on " + n;
        }, Chain.of(retry).then(factory, Map.of("limit", "2s")));
        watch(task, ended);
        List<String> results = new CopyOnWriteArrayList<>();
        task.onResult((future, result) -> results.add(result));
        scheduler.onStart(() -> task.submit(1));
        CompletableFuture<ExitState> exit = runInBackground();

        for (int attempt = 1; attempt <= 2; attempt++) {
            assertTrue(attemptStarted.tryAcquire(5, SECONDS), "attempt " + attempt + " started");
            clock.advance(Duration.ofMillis(1999));
            assertEquals(attempt - 1, timeouts.size(), "attempt " + attempt + " timed out early");
            clock.advance(Duration.ofMillis(1));
            assertTrue(clock.awaitTimerOf(Duration.ofSeconds(1), TIMER_SET), "retry after attempt " + attempt);
            clock.advance(Duration.ofSeconds(1));
        }
        assertTrue(attemptStarted.tryAcquire(5, SECONDS), "attempt 3 started");
        assertTrue(ended.await(5, SECONDS));
        awaitExit(exit);

        assertEquals(List.of("ok on 3"), results, "the call ran 6s in all, yet no attempt ran past 2s");
        assertEquals(2, timeouts.size());
        assertTrue(timeouts.stream().allMatch(t -> t.elapsed().equals(LIMIT)), timeouts.toString());
        assertTrue(failures.isEmpty(), failures.toString());
    }

    @Test
    void timeoutOutsideRetryLimitsTheWholeCallAndDropsThePendingRetry() throws Exception {
        RetryingTestPlugin retry = new RetryingTestPlugin(10, Duration.ofMillis(1500));
        AtomicInteger attempts = new AtomicInteger();
        CountDownLatch ended = new CountDownLatch(1);
        // [timeout, retry] = timeout(retry(fn)): every attempt fails at once; the limit covers them all.
        Task<Integer, String> task = scheduler.task("failing", x -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("attempt failed");
        }, Chain.empty().then(factory, Map.of("limit", "2s")).then("test-retry", () -> retry));
        watch(task, ended);
        scheduler.onStart(() -> task.submit(1));
        CompletableFuture<ExitState> exit = runInBackground();

        assertTrue(clock.awaitTimerOf(Duration.ofMillis(1500), TIMER_SET), "attempt 1 failed and a retry is pending");
        clock.advance(Duration.ofMillis(1500));
        assertTrue(clock.awaitTimerOf(Duration.ofMillis(1500), TIMER_SET), "attempt 2 failed and a retry is pending");
        awaitLoopIdle();
        clock.advance(Duration.ofMillis(500));

        assertTrue(ended.await(5, SECONDS));
        awaitExit(exit);
        TaskTimeoutException error = assertInstanceOf(TaskTimeoutException.class, failures.get(0));
        assertEquals(LIMIT, error.elapsed());
        assertEquals(2, attempts.get());
        assertEquals(1, timeouts.size());
        assertEquals(0, clock.pendingTimers(), "the pending retry was dropped");
        assertEquals(2, retry.retried.availablePermits(), "no retry after the limit");
    }

    /** Waits for the run to end; if it does not, fails with the event tree and every thread's stack. */
    private ExitState awaitExit(CompletableFuture<ExitState> exit) throws Exception {
        try {
            return exit.get(5, SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            StringBuilder dump = new StringBuilder(scheduler.render()).append('\n');
            Thread.getAllStackTraces().forEach((thread, stack) -> {
                dump.append(thread).append('\n');
                for (StackTraceElement frame : stack) {
                    dump.append("    at ").append(frame).append('\n');
                }
            });
            throw new AssertionError("the run did not end:\n" + dump, e);
        }
    }

    /**
     * Returns once the loop has handled everything posted before: a raw submit from this thread
     * waits for the loop, which takes its inbox in order. The core sets a retry timer before it
     * records the retry as pending, and a scope failure in between is refused.
     */
    private void awaitLoopIdle() {
        scheduler.submit((Integer x) -> x, 0);
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    if (latch.await(10, TimeUnit.SECONDS)) {
                        return;
                    }
                    throw new AssertionError("latch not released");
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
