package dev.weft.core.engine;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The timer thread's executor would keep an action's exception where nobody reads it. */
class SystemClockTests {

    @Test
    void anActionThatThrowsIsReportedAndLaterTimersStillRun() throws Exception {
        BlockingQueue<Throwable> reported = new LinkedBlockingQueue<>();
        // Its own instance, to see the report; its idle daemon timer thread ends with the JVM.
        SystemClock clock = new SystemClock(reported::add);
        IllegalStateException bug = new IllegalStateException("bug");

        clock.schedule(Duration.ZERO, () -> {
            throw bug;
        });

        assertSame(bug, reported.poll(10, TimeUnit.SECONDS));
        CountDownLatch next = new CountDownLatch(1);
        clock.schedule(Duration.ofMillis(1), next::countDown);
        assertTrue(next.await(10, TimeUnit.SECONDS), "the timer thread kept running timers");
    }
}
