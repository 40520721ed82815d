package dev.weft.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A {@link FakeCallScope}: its state, and how it ends, once. */
class FakeCallScopeTests {

    private final FakeCallScope scope = new FakeCallScope(123);
    private final List<String> happened = new ArrayList<>();

    @Test
    void holdsOneStateForItsWholeLife() {
        List<String> state = scope.state(ArrayList::new);

        assertSame(state, scope.state(() -> List.of("never made")));
        assertEquals(123, scope.startNanos());
    }

    @Test
    void failingEndsItOnceAnnouncingThenRecordingTheFailureThenRunningEndActions() {
        scope.onEnd(() -> happened.add("end action, failure recorded: " + scope.failure().isPresent()));
        IllegalStateException why = new IllegalStateException("too slow");

        assertTrue(scope.fail(why, true, () -> happened.add("announced")));
        assertFalse(scope.fail(new RuntimeException("again"), false, () -> happened.add("announced again")));

        // The scheduler's order (CallScope.fail): the announcement first, the end actions last.
        assertEquals(List.of("announced", "end action, failure recorded: true"), happened);
        assertTrue(scope.isEnded());
        assertEquals(Optional.of(why), scope.failure());
        assertTrue(scope.interruptRequested());
    }

    @Test
    void endingItRecordsNoFailureAndAnActionAddedAfterRunsAtOnce() {
        scope.onEnd(() -> happened.add("before"));

        assertTrue(scope.end());
        assertFalse(scope.end());
        scope.onEnd(() -> happened.add("after"));

        assertEquals(List.of("before", "after"), happened);
        assertEquals(Optional.empty(), scope.failure());
        assertFalse(scope.interruptRequested());
        assertFalse(scope.fail(new RuntimeException(), true), "an ended scope cannot be failed");
    }

    @Test
    void refusedFailuresDoNotEndItUntilTheRefusalsAreUsedUp() {
        scope.refuseFailures(2);

        assertFalse(scope.fail(new RuntimeException("1"), false));
        assertFalse(scope.fail(new RuntimeException("2"), false));
        assertFalse(scope.isEnded());
        assertTrue(scope.fail(new RuntimeException("3"), false));
        assertEquals("3", scope.failure().orElseThrow().getMessage());
    }
}
