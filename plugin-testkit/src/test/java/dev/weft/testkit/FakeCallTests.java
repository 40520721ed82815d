package dev.weft.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.api.CallState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The fakes of one call and the contexts of its hooks: future, submission, failure and panel. */
class FakeCallTests {

    @Test
    void aFutureStartsPendingAndMovesOnlyWhenTold() {
        FakeFuture call = new FakeFuture(42, "evaluate", "x");

        assertEquals(CallState.PENDING, call.state());
        assertEquals(0, call.attempts());
        call.start().start();
        assertEquals(CallState.RUNNING, call.state());
        assertEquals(2, call.attempts());
        call.succeed("done");

        assertEquals(Optional.of("done"), call.result());
        assertEquals(Optional.empty(), call.exception());
        assertTrue(call.isDone());
        assertFalse(call.cancel(), "an ended call cannot be cancelled");
        assertThrows(IllegalStateException.class, call::start);
        assertEquals(42, call.id());
        assertEquals("evaluate", call.taskName());
        assertEquals("x", call.argument());
    }

    @Test
    void aFailedFutureHasItsExceptionAndACancelledOneNeither() {
        IllegalStateException error = new IllegalStateException("no");
        FakeFuture failed = new FakeFuture(1, "t").start().fail(error);
        FakeFuture cancelled = new FakeFuture(2, "t");

        assertTrue(cancelled.cancel());

        assertEquals(Optional.of(error), failed.exception());
        assertEquals(Optional.empty(), failed.result());
        assertEquals(CallState.CANCELLED, cancelled.state());
        assertEquals(Optional.empty(), cancelled.exception());
    }

    @Test
    void aSubmissionRecordsTheVetoAndItsReason() {
        FakeTaskView task = new FakeTaskView("evaluate");
        FakeSubmission submission = new FakeSubmission(task, 3);

        assertFalse(submission.isVetoed());
        assertEquals(Optional.empty(), submission.vetoReason());
        submission.veto("too many calls");

        assertTrue(submission.isVetoed());
        assertEquals(Optional.of("too many calls"), submission.vetoReason());
        assertSame(task, submission.task());
        assertEquals(3, submission.argument());
    }

    @Test
    void aFailureRecordsTheRetryAskedForAndRefusesASecond() {
        FakeCallScope scope = new FakeCallScope(0);
        FakeFailure failure = new FakeFailure(new FakeFuture(1, "t"), 2, new RuntimeException(), scope);

        assertEquals(Optional.empty(), failure.retryDelay());
        failure.retryAfter(Duration.ofMillis(100));

        assertEquals(Optional.of(Duration.ofMillis(100)), failure.retryDelay());
        assertThrows(IllegalStateException.class, () -> failure.retryAfter(Duration.ofMillis(200)));
        assertEquals(Optional.of(Duration.ofMillis(100)), failure.retryDelay());
        assertEquals(2, failure.attempt());
        assertSame(scope, failure.scope());
    }

    @Test
    void aFailureRefusesANegativeDelay() {
        FakeFailure failure = new FakeFailure(new FakeFuture(1, "t"), 1, new RuntimeException(), new FakeCallScope(0));

        assertThrows(IllegalArgumentException.class, () -> failure.retryAfter(Duration.ofMillis(-1)));
        assertEquals(Optional.empty(), failure.retryDelay());
    }

    @Test
    void aPanelKeepsItsRowsInOrderAsValuesAndAsLines() {
        FakePanel panel = new FakePanel();

        panel.row("Calls", "3/10").row("Timed out", 0L).row("Calls", null);

        assertEquals(List.of("Calls 3/10", "Timed out 0", "Calls null"), panel.lines());
        assertEquals(new FakePanel.Row("Timed out", 0L), panel.rows().get(1));
    }
}
