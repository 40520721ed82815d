package dev.weft.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.api.CallState;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A {@link FakeFuture}: a call whose state moves only when the test says. */
class FakeFutureTests {

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
}
