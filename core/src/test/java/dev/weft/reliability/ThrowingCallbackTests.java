package dev.weft.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Action;
import dev.weft.ExceptionPolicy;
import dev.weft.ExitState;
import dev.weft.RunOptions;
import dev.weft.Scheduler;
import dev.weft.Task;
import dev.weft.api.TaskFuture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A callback that throws, wherever it is and whatever the exception policy says, never costs a
 * call its terminal event, and {@code run()} returns (or raises) only after {@code finished}.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ThrowingCallbackTests {

    private static final int CALLS = 20;

    /** Where the throwing callback is subscribed. */
    enum Place { START, EMPTY, STOP, FINISHING, FINISHED, RESULT, EXCEPTION, CANCELLED, CALL_LATER }

    /** What the callback throws. */
    static final class CallbackFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CallbackFailure(Place place) {
            super("callback at " + place);
        }
    }

    /** What some calls throw; the policy always continues past it, to isolate the callback's. */
    static final class CallFailure extends Exception {
        private static final long serialVersionUID = 1L;

        CallFailure(int x) {
            super("call " + x);
        }
    }

    static Stream<Arguments> everyPlaceUnderEveryPolicy() {
        return Stream.of(Action.values()).flatMap(a -> Stream.of(Place.values()).map(p -> Arguments.of(p, a)));
    }

    @ParameterizedTest(name = "{0} under {1}")
    @MethodSource("everyPlaceUnderEveryPolicy")
    void aThrowingCallbackNeverCostsACallItsTerminalEvent(Place place, Action action) throws Exception {
        Scheduler scheduler = Scheduler.withThreads(2);
        BlockingQueue<Integer> blocked = new LinkedBlockingQueue<>();
        Task<Integer, Integer> task = scheduler.task("t", x -> {
            if (x % 5 == 1) {
                throw new CallFailure(x);
            }
            if (x % 5 == 2) {
                blocked.add(x);
                Thread.sleep(10_000); // until cancelled
            }
            return x;
        });
        Outcomes outcomes = Outcomes.of(scheduler, task);
        AtomicInteger finished = new AtomicInteger();
        scheduler.onFinished(finished::incrementAndGet);
        Map<Integer, TaskFuture<Integer>> futures = new ConcurrentHashMap<>();
        task.onSubmitted(f -> futures.put((Integer) f.argument(), f));
        scheduler.onStart(() -> {
            for (int i = 0; i < CALLS; i++) {
                task.submit(i);
            }
        });

        AtomicReference<CallbackFailure> firstThrown = new AtomicReference<>();
        AtomicInteger throwsMade = new AtomicInteger();
        Runnable thrower = () -> {
            throwsMade.incrementAndGet();
            CallbackFailure e = new CallbackFailure(place);
            firstThrown.compareAndSet(null, e);
            throw e;
        };
        switch (place) {
            case START -> scheduler.onStart(thrower);
            case EMPTY -> scheduler.onEmpty(thrower);
            case STOP -> scheduler.onStop(e -> thrower.run());
            case FINISHING -> scheduler.onFinishing(thrower);
            case FINISHED -> scheduler.onFinished(thrower);
            case RESULT -> task.onResult((f, r) -> thrower.run());
            case EXCEPTION -> task.onException((f, e) -> thrower.run());
            case CANCELLED -> task.onCancelled(f -> thrower.run());
            case CALL_LATER -> scheduler.onStart(() -> scheduler.callLater(Duration.ZERO, thrower));
        }
        // Stop through a later timer, so 'stop' fires after any callLater set at start (a callLater
        // due after the run stopped is dropped, as documented).
        scheduler.onEmpty(() -> {
            if (scheduler.running()) {
                scheduler.callLater(Duration.ofMillis(1), scheduler::stop);
            }
        });

        Thread canceller = new Thread(() -> {
            try {
                while (true) {
                    int x = blocked.take();
                    TaskFuture<Integer> f;
                    while ((f = futures.get(x)) == null) {
                        Thread.onSpinWait();
                    }
                    f.cancel();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "callback-test-canceller");
        canceller.setDaemon(true);
        canceller.start();

        RunOptions options = RunOptions.defaults().endOnEmpty(false).onCancelled(Action.CONTINUE)
                .onException(ExceptionPolicy.builder().on(CallFailure.class, Action.CONTINUE)
                        .on(Exception.class, action).build());
        try {
            if (action == Action.RAISE) {
                CallbackFailure raised = assertThrows(CallbackFailure.class, () -> scheduler.run(options));
                assertSame(firstThrown.get(), raised, "run() raises the callback's own exception");
            } else {
                ExitState exit = scheduler.run(options);
                boolean afterTheEnd = place == Place.STOP || place == Place.FINISHING || place == Place.FINISHED;
                if (action == Action.END && !afterTheEnd) {
                    assertEquals(ExitState.Code.EXCEPTION, exit.code(), exit.toString());
                    assertSame(firstThrown.get(), exit.exception().orElseThrow());
                } else {
                    assertEquals(ExitState.Code.STOPPED, exit.code(), exit.toString());
                }
            }
        } finally {
            canceller.interrupt();
        }

        assertEquals(1, finished.get(), "run() returned or raised after 'finished', once");
        assertTrue(throwsMade.get() >= 1, "the callback at " + place + " ran");
        assertEquals(List.of(), outcomes.notExactlyOnce());
        assertEquals(CALLS, outcomes.endings().size(), "every submitted call ended");
        assertTrue(scheduler.empty());
    }
}
