package dev.weft.plugin.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.api.Options;
import dev.weft.testkit.FakeCallScope;
import dev.weft.testkit.FakeFailure;
import dev.weft.testkit.FakeFuture;
import dev.weft.testkit.FakeInvocation;
import dev.weft.testkit.FakePanel;
import dev.weft.testkit.FakeTaskContext;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The retry plugin on its own: its decisions, its events and its panel. */
class RetryTests {

    private final FakeTaskContext context = new FakeTaskContext("evaluate");
    private final FakeFuture call = new FakeFuture(42, "evaluate");

    /** Retry decides through Failure.retryAfter alone: no clock timers, no subscriptions. */
    @AfterEach
    void retrySetsNoTimersAndSubscribesToNothing() {
        assertEquals(List.of(), context.clock().scheduledDelays(), "retry schedules through Failure.retryAfter");
        assertEquals(List.of(), context.subscriptions(), "retry subscribes to no task event");
        assertEquals(List.of(), context.schedulerSubscriptions(), "retry subscribes to no scheduler event");
        assertEquals(0, context.anyListenerCount(), "retry listens to no other plugin's events");
    }

    private Retry attach(Map<String, ?> raw) {
        return attach(raw, new Random(7));
    }

    private Retry attach(Map<String, ?> raw, Random random) {
        RetryFactory factory = new RetryFactory();
        Retry retry = new Retry(RetryConfig.from(Options.parse(factory.options(), raw)), random);
        retry.attach(context);
        return retry;
    }

    private static FakeFailure fail(Retry retry, FakeCallScope scope, int attempt, Throwable error) {
        FakeFailure failure = new FakeFailure(new FakeFuture(42, "evaluate"), attempt, error, scope);
        retry.onFailure(failure);
        return failure;
    }

    /** Fails attempts until the plugin stops retrying; returns the delays it asked for. */
    private static List<Duration> failUntilGivenUp(Retry retry, Throwable error) {
        FakeCallScope scope = new FakeCallScope(0);
        List<Duration> delays = new ArrayList<>();
        for (int attempt = 1; attempt < 100; attempt++) {
            FakeFailure failure = fail(retry, scope, attempt, error);
            if (failure.retryDelay().isEmpty()) {
                return delays;
            }
            delays.add(failure.retryDelay().orElseThrow());
        }
        throw new AssertionError("never gave up");
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    @Test
    void attachRegistersTheThreeEvents() {
        attach(Map.of());

        assertEquals(RetryEvents.ALL, List.copyOf(context.registered()));
    }

    @Test
    void byDefaultMakesThreeAttemptsWaiting100msThen200ms() {
        Retry retry = attach(Map.of());

        assertEquals(List.of(ms(100), ms(200)), failUntilGivenUp(retry, new IllegalStateException()));
    }

    @Test
    void delaysGrowByTheMultiplier() {
        Retry retry = attach(Map.of("max-attempts", 5, "backoff", "10ms", "multiplier", 3));

        assertEquals(List.of(ms(10), ms(30), ms(90), ms(270)), failUntilGivenUp(retry, new IOException()));
    }

    @Test
    void maxBackoffCapsTheDelay() {
        Retry retry = attach(Map.of("max-attempts", 5, "backoff", "100ms", "max-backoff", "250ms"));

        assertEquals(List.of(ms(100), ms(200), ms(250), ms(250)), failUntilGivenUp(retry, new IOException()));
    }

    @Test
    void maxAttemptsOfOneNeverRetriesButReportsExhaustion() {
        Retry retry = attach(Map.of("max-attempts", 1));
        IOException cause = new IOException("once");

        assertEquals(List.of(), failUntilGivenUp(retry, cause));
        assertEquals(List.of(new RetriesExhaustedEvent(42, "evaluate", 1, cause, "max-attempts")), context.emitted());
    }

    @Test
    void eachRetryEmitsRetryWithTheFailedAttemptCauseAndDelay() {
        Retry retry = attach(Map.of("max-attempts", 3));
        IOException first = new IOException("first");
        IOException second = new IOException("second");
        IOException third = new IOException("third");
        FakeCallScope scope = new FakeCallScope(0);

        fail(retry, scope, 1, first);
        fail(retry, scope, 2, second);
        fail(retry, scope, 3, third);

        assertEquals(List.of(
                new RetryEvent(42, "evaluate", 1, first, ms(100)),
                new RetryEvent(42, "evaluate", 2, second, ms(200)),
                new RetriesExhaustedEvent(42, "evaluate", 3, third, "max-attempts")), context.emitted());
    }

    @Test
    void jitterVariesEachDelayWithinItsFraction() {
        Retry retry = attach(Map.of("max-attempts", 50, "backoff", "1s", "multiplier", 1, "jitter", 0.25));

        List<Duration> delays = failUntilGivenUp(retry, new IOException());

        assertEquals(49, delays.size());
        for (Duration d : delays) {
            assertTrue(d.compareTo(ms(750)) >= 0 && d.compareTo(ms(1250)) <= 0, d.toString());
        }
        assertTrue(delays.stream().distinct().count() > 40, "jitter should vary the delays: " + delays);
        assertTrue(delays.stream().anyMatch(d -> d.compareTo(ms(1000)) < 0));
        assertTrue(delays.stream().anyMatch(d -> d.compareTo(ms(1000)) > 0));
    }

    @Test
    void jitterIsDeterministicForASeed() {
        Map<String, Object> options = Map.of("max-attempts", 10, "jitter", 0.5);

        List<Duration> a = failUntilGivenUp(attach(options, new Random(3)), new IOException());
        List<Duration> b = failUntilGivenUp(attach(options, new Random(3)), new IOException());
        List<Duration> c = failUntilGivenUp(attach(options, new Random(4)), new IOException());

        assertEquals(a, b);
        assertNotEquals(a, c);
    }

    @Test
    void jitterNeverPushesADelayPastMaxBackoff() {
        Retry retry = attach(Map.of("max-attempts", 30, "backoff", "1s", "max-backoff", "1s", "jitter", 1));

        for (Duration d : failUntilGivenUp(retry, new IOException())) {
            assertTrue(d.compareTo(Duration.ofSeconds(1)) <= 0, d.toString());
        }
    }

    @Test
    void givesUpWhenTheNextDelayWouldPassMaxDuration() {
        Retry retry = attach(Map.of("max-attempts", 10, "backoff", "100ms", "multiplier", 1,
                "max-duration", "300ms"));
        FakeCallScope scope = new FakeCallScope(context.clock().nanoTime());
        IOException cause = new IOException();

        context.clock().advance(ms(150));
        assertEquals(Optional.of(ms(100)), fail(retry, scope, 1, cause).retryDelay());
        context.clock().advance(ms(100));
        // 250ms gone, a 100ms wait would end at 350ms: past the 300ms budget.
        FakeFailure last = fail(retry, scope, 2, cause);

        assertEquals(Optional.empty(), last.retryDelay());
        assertEquals(new RetriesExhaustedEvent(42, "evaluate", 2, cause, "max-duration"), context.emitted().get(1));
    }

    @Test
    void maxDurationCountsFromTheScopeStartNotFromTheFailure() {
        Retry retry = attach(Map.of("backoff", "100ms", "max-duration", "1s"));
        context.clock().advance(Duration.ofSeconds(10));
        FakeCallScope scope = new FakeCallScope(context.clock().nanoTime() - ms(950).toNanos());

        assertEquals(Optional.empty(), fail(retry, scope, 1, new IOException()).retryDelay());
    }

    @Test
    void abortOnEndsTheCallAtOnceAndEmitsRetryAborted() {
        Retry retry = attach(Map.of("abort-on", List.of("java.io.FileNotFoundException")));
        FileNotFoundException cause = new FileNotFoundException("gone");

        FakeFailure failure = fail(retry, new FakeCallScope(0), 1, cause);

        assertEquals(Optional.empty(), failure.retryDelay());
        assertEquals(List.of(new RetryAbortedEvent(42, "evaluate", 1, cause)), context.emitted());
    }

    @Test
    void abortOnMatchesASuperclassByName() {
        Retry retry = attach(Map.of("abort-on", List.of("IOException")));

        assertEquals(Optional.empty(), fail(retry, new FakeCallScope(0), 1, new FileNotFoundException()).retryDelay());
        assertTrue(context.emitted().get(0) instanceof RetryAbortedEvent);
    }

    @Test
    void abortOnWinsOverRetryOn() {
        Retry retry = attach(Map.of("retry-on", List.of("IOException"), "abort-on", List.of("FileNotFoundException")));

        assertEquals(Optional.empty(), fail(retry, new FakeCallScope(0), 1, new FileNotFoundException()).retryDelay());
        assertEquals(Optional.of(ms(100)), fail(retry, new FakeCallScope(0), 1, new IOException()).retryDelay());
    }

    @Test
    void retryOnRetriesOnlyTheNamedFailuresAndTheirSubclasses() {
        Retry retry = attach(Map.of("retry-on", List.of("java.io.IOException")));

        assertEquals(Optional.of(ms(100)),
                fail(retry, new FakeCallScope(0), 1, new FileNotFoundException()).retryDelay());
        assertEquals(Optional.empty(),
                fail(retry, new FakeCallScope(0), 1, new UncheckedIOException(new IOException())).retryDelay());
    }

    @Test
    void aFailureNotToRetryEmitsNothing() {
        Retry retry = attach(Map.of("retry-on", List.of("IOException")));

        fail(retry, new FakeCallScope(0), 1, new IllegalArgumentException());

        assertEquals(List.of(), context.emitted());
    }

    @Test
    void anErrorIsNeverRetriedEvenWhenRetryOnNamesIt() {
        assertEquals(Optional.empty(),
                fail(attach(Map.of()), new FakeCallScope(0), 1, new AssertionError()).retryDelay());
        Retry naming = attach(Map.of("retry-on", List.of("AssertionError", "Throwable")));
        assertEquals(Optional.empty(), fail(naming, new FakeCallScope(0), 1, new AssertionError()).retryDelay());
        assertEquals(List.of(), context.emitted());
    }

    @Test
    void aThrowableThatIsNotAnExceptionIsNotRetriedByDefault() {
        Throwable odd = new Throwable("neither Exception nor Error");

        assertEquals(Optional.empty(), fail(attach(Map.of()), new FakeCallScope(0), 1, odd).retryDelay());
    }

    @Test
    void countersLiveInTheCallScopeSoEachScopeGetsItsOwnBudget() {
        Retry retry = attach(Map.of("max-attempts", 2));
        FakeCallScope firstScope = new FakeCallScope(0);
        FakeCallScope secondScope = new FakeCallScope(0);

        assertEquals(Optional.of(ms(100)), fail(retry, firstScope, 1, new IOException()).retryDelay());
        // An outer plugin retried: the call's attempt number goes on, but this scope is new.
        assertEquals(Optional.of(ms(100)), fail(retry, secondScope, 3, new IOException()).retryDelay());
        assertEquals(Optional.empty(), fail(retry, firstScope, 2, new IOException()).retryDelay());
    }

    @Test
    void aroundProceedsOnceAndPassesTheResultThrough() throws Exception {
        Retry retry = attach(Map.of());
        FakeInvocation invocation = new FakeInvocation(call, 1, new FakeCallScope(0), () -> "done");

        assertEquals("done", retry.around(invocation));
        assertEquals(1, invocation.proceedCount());
    }

    @Test
    void attemptsCountEachScopesFirstAttemptPlusItsRetries() throws Exception {
        Retry retry = attach(Map.of("max-attempts", 3));
        FakeCallScope scope = new FakeCallScope(0);
        retry.around(new FakeInvocation(call, 1, scope, () -> null));
        fail(retry, scope, 1, new IOException());
        // Whether or not the core runs around again for the retry, it is one more attempt.
        retry.around(new FakeInvocation(call, 1, scope, () -> null));
        retry.around(new FakeInvocation(call, 1, new FakeCallScope(0), () -> null));
        FakePanel panel = new FakePanel();

        retry.describe(panel);

        assertEquals("Attempts 3", panel.lines().get(0));
    }

    @Test
    void panelShowsAttemptsRetriesGaveUpAndAborted() throws Exception {
        Retry retry = attach(Map.of("max-attempts", 2, "abort-on", List.of("FileNotFoundException")));
        FakeCallScope scope = new FakeCallScope(0);
        retry.around(new FakeInvocation(call, 1, scope, () -> null));
        fail(retry, scope, 1, new IOException());
        fail(retry, scope, 2, new IOException());
        FakeCallScope other = new FakeCallScope(0);
        retry.around(new FakeInvocation(call, 1, other, () -> null));
        fail(retry, other, 1, new FileNotFoundException());
        FakePanel panel = new FakePanel();

        retry.describe(panel);

        assertEquals(List.of("Attempts 3", "Retries 1", "Gave up 1", "Aborted 1"), panel.lines());
    }
}
