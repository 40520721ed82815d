package dev.weft.plugin.timeout;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.api.TaskTimeoutException;
import dev.weft.testkit.FakeCallScope;
import dev.weft.testkit.FakeFuture;
import dev.weft.testkit.FakeInvocation;
import dev.weft.testkit.FakePanel;
import dev.weft.testkit.FakeTaskContext;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TimeoutPluginTests {

    private static final Duration LIMIT = Duration.ofSeconds(2);

    private final FakeTaskContext context = new FakeTaskContext("job");
    private final FakeFuture call = new FakeFuture(7, "job").start();

    /** The timeout plugin works through its clock and call scopes alone: it subscribes to nothing. */
    @AfterEach
    void timeoutSubscribesToNothing() {
        assertEquals(java.util.List.of(), context.subscriptions(), "timeout subscribes to no task event");
        assertEquals(java.util.List.of(), context.schedulerSubscriptions(), "timeout subscribes to no scheduler event");
    }

    private TimeoutPlugin plugin(boolean interrupt) {
        TimeoutPlugin plugin = new TimeoutPlugin(new TimeoutConfig(LIMIT, interrupt));
        plugin.attach(context);
        return plugin;
    }

    /** Runs around() on a worker thread of its own, as the core would. */
    private CompletableFuture<Object> runOnWorker(TimeoutPlugin plugin, FakeCallScope scope, Callable<Object> body) {
        CompletableFuture<Object> outcome = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                outcome.complete(plugin.around(new FakeInvocation(call, 1, scope, body)));
            } catch (Throwable t) {
                outcome.completeExceptionally(t);
            }
        }, "test-worker");
        worker.start();
        return outcome;
    }

    @Test
    void callPastItsLimitFailsTheScopeWithLimitAndElapsedAndInterrupts() throws Exception {
        TimeoutPlugin plugin = plugin(true);
        FakeCallScope scope = new FakeCallScope(context.clock().nanoTime());
        CountDownLatch running = new CountDownLatch(1);
        CompletableFuture<Object> outcome = runOnWorker(plugin, scope, () -> {
            running.countDown();
            new CountDownLatch(1).await();
            return "never";
        });
        assertTrue(running.await(5, SECONDS));

        context.clock().advance(Duration.ofMillis(1999));
        assertEquals(Optional.empty(), scope.failure(), "failed before its limit");
        context.clock().advance(Duration.ofMillis(1));

        TaskTimeoutException failure = assertInstanceOf(TaskTimeoutException.class, scope.failure().orElseThrow());
        assertEquals(LIMIT, failure.limit());
        assertEquals(LIMIT, failure.elapsed());
        assertTrue(scope.interruptRequested());
        ExecutionException thrown = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> outcome.get(5, SECONDS));
        assertInstanceOf(InterruptedException.class, thrown.getCause());
        assertEquals(java.util.List.of(new TimeoutEvent(7, "job", LIMIT, LIMIT)),
                context.emitted(TimeoutEvents.TIMEOUT));
        assertEquals(1, plugin.timedOutCount());
        assertEquals(0, plugin.ignoredCount(), "it honoured the interrupt");
        assertTrue(context.emitted(TimeoutEvents.TIMEOUT_IGNORED).isEmpty());
    }

    @Test
    void limitCountsFromWhenTheScopeStartedNotFromTheFirstEntry() throws Exception {
        TimeoutPlugin plugin = plugin(true);
        FakeCallScope scope = new FakeCallScope(context.clock().nanoTime());
        context.clock().advance(Duration.ofMillis(500));
        plugin.around(new FakeInvocation(call, 1, scope, () -> {
            assertEquals(1, context.clock().pendingTimers());
            assertEquals(LIMIT.toNanos(), context.clock().nextDueNanos().getAsLong());
            return null;
        }));
    }

    @Test
    void aScopeEnteredByEveryAttemptSetsOneTimer() throws Exception {
        TimeoutPlugin plugin = plugin(true);
        FakeCallScope scope = new FakeCallScope(context.clock().nanoTime());
        plugin.around(new FakeInvocation(call, 1, scope, () -> "first"));
        plugin.around(new FakeInvocation(call, 2, scope, () -> "second"));
        assertEquals(1, context.clock().pendingTimers());
    }

    @Test
    void aScopeThatEndedIsNeitherTimedOutNorKept() throws Exception {
        TimeoutPlugin plugin = plugin(true);
        FakeCallScope scope = new FakeCallScope(context.clock().nanoTime());
        assertEquals("done", plugin.around(new FakeInvocation(call, 1, scope, () -> "done")));
        scope.end();

        context.clock().advance(LIMIT.multipliedBy(2));

        assertTrue(context.emitted().isEmpty());
        assertEquals(0, plugin.timedOutCount());
        assertEquals(0, context.clock().pendingTimers(), "no timer left once nothing can time out");
        assertEquals(0, plugin.deadlinesHeld());
    }

    @Test
    void scopesThatEndAreDroppedAsNewOnesArriveSoThousandsOfCallsHoldOnlyTheRunningOnes() throws Exception {
        TimeoutPlugin plugin = plugin(true);
        FakeCallScope running = new FakeCallScope(context.clock().nanoTime());
        for (int i = 0; i < 5_000; i++) {
            FakeCallScope scope = new FakeCallScope(context.clock().nanoTime());
            plugin.around(new FakeInvocation(call, 1, scope, () -> "done"));
            scope.end();
        }
        plugin.around(new FakeInvocation(call, 1, running, () -> "still in its scope"));

        assertTrue(plugin.deadlinesHeld() <= 2, "held: " + plugin.deadlinesHeld());
        assertEquals(1, context.clock().pendingTimers(), "one clock timer for all of them");
        context.clock().advance(LIMIT);
        assertInstanceOf(TaskTimeoutException.class, running.failure().orElseThrow());
    }

    @Test
    void aDeadlineEarlierThanTheOnesBeforeItIsStillMetOnTime() throws Exception {
        TimeoutPlugin plugin = plugin(true);
        FakeCallScope older = new FakeCallScope(context.clock().nanoTime());
        context.clock().advance(Duration.ofSeconds(1));
        FakeCallScope newer = new FakeCallScope(context.clock().nanoTime());
        // The newer scope's first attempt starts before the older one's: its deadline comes later.
        plugin.around(new FakeInvocation(call, 1, newer, () -> null));
        plugin.around(new FakeInvocation(call, 1, older, () -> null));

        context.clock().advance(Duration.ofSeconds(1));

        assertEquals(LIMIT, ((TaskTimeoutException) older.failure().orElseThrow()).elapsed(),
                "due at 2s, not at the newer's 3s");
        assertEquals(Optional.empty(), newer.failure());
        context.clock().advance(Duration.ofSeconds(1));
        assertInstanceOf(TaskTimeoutException.class, newer.failure().orElseThrow());
    }

    @Test
    void aFunctionIgnoringTheInterruptIsReportedOnceItReturns() throws Exception {
        TimeoutPlugin plugin = plugin(true);
        FakeCallScope scope = new FakeCallScope(context.clock().nanoTime());
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Object> outcome = runOnWorker(plugin, scope, () -> {
            running.countDown();
            awaitUninterruptibly(release);
            return "late";
        });
        assertTrue(running.await(5, SECONDS));
        context.clock().advance(LIMIT);
        assertInstanceOf(TaskTimeoutException.class, scope.failure().orElseThrow());
        assertTrue(context.emitted(TimeoutEvents.TIMEOUT_IGNORED).isEmpty(), "not before it returns");

        context.clock().advance(Duration.ofSeconds(3));
        release.countDown();
        assertEquals("late", outcome.get(5, SECONDS));

        assertEquals(java.util.List.of(new TimeoutIgnoredEvent(7, "job", Duration.ofSeconds(5))),
                context.emitted(TimeoutEvents.TIMEOUT_IGNORED));
        assertEquals(1, plugin.ignoredCount());
    }

    @Test
    void withInterruptOffTheWorkerIsNotInterrupted() throws Exception {
        TimeoutPlugin plugin = plugin(false);
        FakeCallScope scope = new FakeCallScope(context.clock().nanoTime());
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Object> outcome = runOnWorker(plugin, scope, () -> {
            running.countDown();
            assertTrue(release.await(5, SECONDS));
            return Thread.currentThread().isInterrupted();
        });
        assertTrue(running.await(5, SECONDS));
        context.clock().advance(LIMIT);
        assertInstanceOf(TaskTimeoutException.class, scope.failure().orElseThrow());
        assertFalse(scope.interruptRequested());
        release.countDown();
        assertEquals(false, outcome.get(5, SECONDS));
        assertEquals(1, plugin.timedOutCount());
        assertEquals(1, plugin.ignoredCount(), "it kept its thread past the limit");
    }

    @Test
    void aScopeThatAlreadyEndedIsNotFailedAgain() throws Exception {
        TimeoutPlugin plugin = plugin(true);
        FakeCallScope scope = new FakeCallScope(context.clock().nanoTime());
        // The core may end the scope (say, a cancel) after the timer was taken off the clock's queue.
        plugin.around(new FakeInvocation(call, 1, scope, () -> {
            scope.fail(new IllegalStateException("cancelled"), true);
            Thread.interrupted();
            return null;
        }));
        context.clock().advance(LIMIT);
        assertInstanceOf(IllegalStateException.class, scope.failure().orElseThrow());
        assertTrue(context.emitted().isEmpty());
    }

    @Test
    void aFailureTheScopeRefusesIsTriedAgainUntilItEnds() throws Exception {
        TimeoutPlugin plugin = plugin(true);
        FakeCallScope scope = new FakeCallScope(context.clock().nanoTime());
        plugin.around(new FakeInvocation(call, 1, scope, () -> null));
        scope.refuseFailures(1);

        context.clock().advance(LIMIT);
        assertEquals(Optional.empty(), scope.failure());
        assertTrue(context.emitted().isEmpty());
        context.clock().advance(TimeoutPlugin.RECHECK);

        TaskTimeoutException failure = assertInstanceOf(TaskTimeoutException.class, scope.failure().orElseThrow());
        assertEquals(LIMIT.plus(TimeoutPlugin.RECHECK), failure.elapsed());
        assertEquals(1, context.emitted(TimeoutEvents.TIMEOUT).size());
        assertEquals(0, context.clock().pendingTimers());
    }

    @Test
    void interruptionsAreRecognisedThroughCauses() {
        assertTrue(TimeoutPlugin.isInterruption(new InterruptedException()));
        assertTrue(TimeoutPlugin.isInterruption(new RuntimeException(new java.io.InterruptedIOException())));
        assertFalse(TimeoutPlugin.isInterruption(new IllegalStateException("no")));
        assertFalse(TimeoutPlugin.isInterruption(null));
    }

    @Test
    void panelShowsTheLimitAndCounts() throws Exception {
        TimeoutPlugin plugin = plugin(true);
        FakePanel panel = new FakePanel();
        plugin.describe(panel);
        Map<String, Object> rows = new LinkedHashMap<>();
        panel.rows().forEach(row -> rows.put(row.label(), row.value()));
        assertEquals(Map.of("Limit", "2s", "Timed out", 0L, "Ignored interrupt", 0L), rows);
        assertEquals(java.util.List.of("Limit", "Timed out", "Ignored interrupt"), java.util.List.copyOf(rows.keySet()));
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
