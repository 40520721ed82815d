package dev.weft.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.api.Cancellable;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class FakeClockTests {

    private final FakeClock clock = new FakeClock();
    private final List<String> ran = new CopyOnWriteArrayList<>();

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    @Test
    void movesAndFiresTimersAsTheManualClockItUses() {
        clock.schedule(ms(20), () -> ran.add("b at " + clock.nanoTime()));
        Cancellable dropped = clock.schedule(ms(5), () -> ran.add("dropped"));
        clock.schedule(ms(10), () -> ran.add("a at " + clock.nanoTime()));
        assertTrue(dropped.cancel());
        assertEquals(OptionalLong.of(ms(10).toNanos()), clock.nextDueNanos());

        clock.advance(ms(15));
        assertEquals(List.of("a at 10000000"), ran);
        assertEquals(1, clock.pendingTimers());
        assertEquals(ms(15).toNanos(), clock.nanoTime());
        assertThrows(IllegalArgumentException.class, () -> clock.advance(ms(-1)));
    }

    @Test
    void recordsEveryDelayEverSetEvenOnceRunOrCancelled() {
        clock.schedule(ms(1), () -> { });
        clock.schedule(ms(2), () -> { }).cancel();
        clock.advance(ms(5));

        assertEquals(List.of(ms(1), ms(2)), clock.scheduledDelays());
    }

    @Test
    @Timeout(10)
    void awaitTimerReturnsEachTimerSetOnAnotherThreadOnce() throws Exception {
        Thread setter = new Thread(() -> {
            clock.schedule(ms(100), () -> ran.add("retry"));
            clock.schedule(ms(200), () -> { });
        });
        setter.start();

        assertEquals(ms(100), clock.awaitTimer(Duration.ofSeconds(5)));
        clock.advance(ms(100));
        assertEquals(List.of("retry"), ran);
        assertEquals(ms(200), clock.awaitTimer(Duration.ofSeconds(5)));
        assertFalse(clock.hasUnseenTimer());
        setter.join();
    }

    @Test
    void awaitTimerFailsWhenNoTimerIsSetInTime() {
        AssertionError e = assertThrows(AssertionError.class, () -> clock.awaitTimer(ms(10)));

        assertTrue(e.getMessage().contains("no timer was set within"), e.getMessage());
    }

    @Test
    void awaitTimerOfPassesOverTimersOfOtherDelays() throws Exception {
        clock.schedule(ms(1), () -> { });
        clock.schedule(ms(2), () -> { });
        clock.schedule(ms(3), () -> { });

        assertTrue(clock.awaitTimerOf(ms(2), ms(100)));
        assertTrue(clock.hasUnseenTimer(), "the 3ms timer is still unseen");
        assertFalse(clock.awaitTimerOf(ms(1), ms(10)), "the 1ms timer was passed over");
        assertFalse(clock.hasUnseenTimer());
    }
}
