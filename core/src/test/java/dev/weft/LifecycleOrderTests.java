package dev.weft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.api.CallState;
import dev.weft.api.TaskFuture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The canonical event orderings of AMLTK (amltk-semantics.md section 1.13), for each kind of executor. */
class LifecycleOrderTests {

    static Scheduler scheduler(String kind) {
        return switch (kind) {
            case "sequential" -> Scheduler.sequential();
            case "threads" -> Scheduler.withThreads(2);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"sequential", "threads"})
    void successfulCallEmitsSchedulerEventsBeforeTaskEventsThenEmptyFinishingFinished(String kind) {
        Scheduler scheduler = scheduler(kind);
        Task<Integer, Integer> task = scheduler.task("double", x -> x * 2);
        EventLog log = EventLog.of(scheduler, task);
        scheduler.onStart(() -> task.submit(1));

        assertEquals(ExitState.Code.EXHAUSTED, scheduler.run().code());

        assertEquals(List.of("S.start", "S.future-submitted", "T.submitted", "S.future-done", "S.future-result",
                "T.done", "T.result", "S.empty", "S.finishing", "S.finished"), log.entries());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sequential", "threads"})
    void failingCallWithEndEmitsEmptyBeforeStopAndReturnsException(String kind) {
        Scheduler scheduler = scheduler(kind);
        IllegalStateException boom = new IllegalStateException("boom");
        Task<Integer, Integer> task = scheduler.task("fail", x -> {
            throw boom;
        });
        EventLog log = EventLog.of(scheduler, task);
        scheduler.onStart(() -> task.submit(1));

        ExitState exit = scheduler.run(RunOptions.defaults().onException(Action.END));

        assertEquals(new ExitState(ExitState.Code.EXCEPTION, java.util.Optional.of(boom)), exit);
        assertEquals(List.of("S.start", "S.future-submitted", "T.submitted", "S.future-done", "S.future-exception",
                "T.done", "T.exception", "S.empty", "S.stop", "S.finishing", "S.finished"), log.entries());
    }

    @Test
    void completionIsNeverDeliveredInsideSubmitEvenWhenSequential() {
        Scheduler scheduler = Scheduler.sequential();
        Task<Integer, Integer> task = scheduler.task("double", x -> x * 2);
        List<String> seen = new ArrayList<>();
        scheduler.onStart(() -> {
            TaskFuture<Integer> f = task.submit(1).orElseThrow();
            seen.add("after submit: " + f.isDone() + " results=" + task.eventCount("result"));
        });
        task.onResult((f, r) -> seen.add("result " + r));

        scheduler.run();

        assertEquals(List.of("after submit: false results=0", "result 2"), seen);
    }

    @Test
    void chainedSubmitFromResultHandlerFiresInsideThatEmissionAndDefersEmpty() {
        Scheduler scheduler = Scheduler.sequential();
        Task<Integer, Integer> task = scheduler.task("count", x -> x + 1);
        EventLog log = EventLog.of(scheduler, task);
        scheduler.onStart(() -> task.submit(0));
        task.onResult((f, r) -> {
            if (r < 3) {
                task.submit(r);
            }
        });

        scheduler.run();

        assertEquals(3, scheduler.eventCount("future-result"));
        assertEquals(1, scheduler.eventCount("empty"), "re-submitting from result keeps the queue from emptying");
        List<String> entries = log.entries();
        int firstResult = entries.indexOf("T.result");
        assertEquals("S.future-submitted", entries.get(firstResult + 1), "the chained submit fires inside the emission");
    }

    @Test
    void cancelledCallEmitsOnlyTheTwoCancelledEvents() throws Exception {
        Scheduler scheduler = Scheduler.withThreads(1);
        CountDownLatch started = new CountDownLatch(1);
        Task<Integer, Integer> slow = scheduler.task("slow", x -> {
            started.countDown();
            Thread.sleep(10_000); // interrupted by cancel
            return x;
        });
        EventLog log = EventLog.of(scheduler, slow);
        AtomicReference<TaskFuture<Integer>> future = new AtomicReference<>();
        scheduler.onStart(() -> future.set(slow.submit(1).orElseThrow()));
        scheduler.onStart(() -> new Thread(() -> {
            try {
                assertTrue(started.await(5, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            future.get().cancel();
        }).start());

        ExitState exit = scheduler.run(RunOptions.defaults().onCancelled(Action.CONTINUE));

        assertEquals(ExitState.Code.EXHAUSTED, exit.code());
        assertEquals(CallState.CANCELLED, future.get().state());
        assertEquals(List.of("S.start", "S.future-submitted", "T.submitted", "S.future-cancelled", "T.cancelled",
                "S.empty", "S.finishing", "S.finished"), log.entries());
    }

    @Test
    void stopInsideStartEndsStoppedWithoutEmpty() {
        Scheduler scheduler = Scheduler.sequential();
        EventLog log = EventLog.of(scheduler);
        scheduler.onStart(() -> scheduler.stop("bye", null));

        ExitState exit = scheduler.run();

        assertEquals(ExitState.of(ExitState.Code.STOPPED), exit);
        assertEquals(List.of("S.start", "S.stop", "S.finishing", "S.finished"), log.entries());
    }

    @Test
    void stopTakesEffectAtOnceSoLaterSubmitsInTheSameEmissionThrow() {
        Scheduler scheduler = Scheduler.sequential();
        Task<Integer, Integer> task = scheduler.task("t", x -> x);
        List<Object> seen = new ArrayList<>();
        scheduler.onStart(() -> scheduler.stop());
        scheduler.onStart(() -> {
            seen.add(scheduler.running());
            seen.add(assertThrows(SchedulerNotRunningException.class, () -> task.submit(1)).getClass());
        });

        assertEquals(ExitState.Code.STOPPED, scheduler.run().code());
        assertEquals(List.of(false, SchedulerNotRunningException.class), seen);
        assertEquals(0, task.eventCount("submitted"));
    }

    @Test
    void stopWithCauseEndsStoppedWithTheCauseRecorded() {
        Scheduler scheduler = Scheduler.sequential();
        RuntimeException cause = new RuntimeException("why");
        scheduler.onStart(() -> scheduler.stop("enough", cause));

        ExitState exit = scheduler.run();

        assertEquals(new ExitState(ExitState.Code.STOPPED, java.util.Optional.of(cause)), exit);
    }

    @Test
    void schedulerRunsAgainAfterFinishingAndCountsAccumulate() {
        Scheduler scheduler = Scheduler.withThreads(1);
        Task<Integer, Integer> task = scheduler.task("t", x -> x);
        List<Integer> starts = new ArrayList<>();
        scheduler.onStart(() -> task.submit(1));
        scheduler.onStart(() -> starts.add(1), dev.weft.api.On.every(2));

        for (int i = 0; i < 5; i++) {
            assertEquals(ExitState.Code.EXHAUSTED, scheduler.run().code());
        }

        assertEquals(5, scheduler.eventCount("start"));
        assertEquals(5, task.eventCount("result"));
        assertEquals(2, starts.size(), "every=2 state persists across runs: starts #2 and #4");
        assertFalse(scheduler.running());
    }

    @Test
    void countsExistAsZeroForEveryKnownEvent() {
        Scheduler scheduler = Scheduler.sequential();
        Task<Integer, Integer> task = scheduler.task("t", x -> x);
        Map<String, Long> counts = scheduler.eventCounts();
        assertEquals(List.of("start", "finishing", "finished", "stop", "timeout", "empty", "future-submitted",
                "future-done", "future-cancelled", "future-exception", "future-result", "plugin-error"),
                List.copyOf(counts.keySet()));
        assertTrue(counts.values().stream().allMatch(c -> c == 0));
        assertEquals(Map.of("submitted", 0L, "done", 0L, "result", 0L, "exception", 0L, "cancelled", 0L),
                task.eventCounts());
    }
}
