package dev.weft.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ManualClockTests {

    private final ManualClock clock = new ManualClock();
    private final List<String> ran = new CopyOnWriteArrayList<>();

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    @Test
    void readsZeroUntilAdvancedThenTheSumOfTheAdvances() {
        assertEquals(0, clock.nanoTime());
        clock.advance(ms(3));
        clock.advance(Duration.ofNanos(5));

        assertEquals(3_000_005, clock.nanoTime());
    }

    @Test
    void advanceRunsDueTimersInDueOrderThenSetOrderOnTheCallingThread() {
        clock.schedule(ms(20), () -> ran.add("b"));
        clock.schedule(ms(10), () -> ran.add("a " + Thread.currentThread().getName()));
        clock.schedule(ms(20), () -> ran.add("c"));
        clock.schedule(ms(30), () -> ran.add("later"));

        clock.advance(ms(20));

        assertEquals(List.of("a " + Thread.currentThread().getName(), "b", "c"), ran);
        assertEquals(1, clock.pendingTimers());
        assertEquals(OptionalLong.of(ms(30).toNanos()), clock.nextDueNanos());
    }

    @Test
    void aTimerReadsItsDueTimeAndATimerItSetsRunsInTheSameAdvance() {
        clock.schedule(ms(10), () -> {
            ran.add("first at " + clock.nanoTime());
            clock.schedule(ms(5), () -> ran.add("second at " + clock.nanoTime()));
        });

        clock.advance(ms(100));

        assertEquals(List.of("first at 10000000", "second at 15000000"), ran);
        assertEquals(ms(100).toNanos(), clock.nanoTime());
    }

    @Test
    void aZeroOrNegativeDelayIsDueNow() {
        clock.schedule(Duration.ZERO, () -> ran.add("zero"));
        clock.schedule(ms(-5), () -> ran.add("negative"));

        clock.advance(Duration.ZERO);

        assertEquals(List.of("zero", "negative"), ran);
    }

    @Test
    void aCancelledTimerNeverRuns() {
        Cancellable timer = clock.schedule(ms(10), () -> ran.add("cancelled"));

        assertTrue(timer.cancel());
        assertFalse(timer.cancel());
        clock.advance(ms(10));

        assertEquals(List.of(), ran);
        assertEquals(0, clock.pendingTimers());
        assertEquals(OptionalLong.empty(), clock.nextDueNanos());
    }

    @Test
    void anActionThatThrowsEndsTheAdvanceAtItsDueTimeAndLaterTimersStaySet() {
        clock.schedule(ms(10), () -> {
            throw new IllegalStateException("bug");
        });
        clock.schedule(ms(20), () -> ran.add("later"));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> clock.advance(ms(30)));

        assertEquals("bug", e.getMessage());
        assertEquals(ms(10).toNanos(), clock.nanoTime(), "time stopped at the failing timer");
        assertEquals(List.of(), ran);
        clock.advance(ms(10));
        assertEquals(List.of("later"), ran, "the later timer ran at the next advance");
    }

    @Test
    void advancingBackwardsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> clock.advance(ms(-1)));
    }
}
