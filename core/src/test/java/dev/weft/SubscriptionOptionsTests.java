package dev.weft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.api.On;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** AMLTK's handler options (amltk-semantics.md section 2.2) and weft's decisions 12 to 14. */
class SubscriptionOptionsTests {

    /** Runs a sequential scheduler whose start handler emits 'result' n times through a task. */
    private static List<Integer> firingsOver(int emissions, On options) {
        Scheduler scheduler = Scheduler.sequential();
        Task<Integer, Integer> task = scheduler.task("t", x -> x);
        List<Integer> fired = new ArrayList<>();
        task.onResult((f, r) -> fired.add(r), options);
        scheduler.onStart(() -> task.submit(1));
        task.onResult((f, r) -> {
            if (r < emissions) {
                task.submit(r + 1);
            }
        });
        scheduler.run();
        return fired;
    }

    @Test
    void everyCountsFromTheFirstEmission() {
        assertEquals(List.of(2, 4, 6), firingsOver(7, On.every(2)));
        assertEquals(List.of(3, 6), firingsOver(7, On.every(3)));
    }

    @Test
    void maxCallsStopsTheHandlerAfterThatManyFirings() {
        assertEquals(List.of(1, 2), firingsOver(5, On.atMost(2)));
    }

    @Test
    void falseWhenDoesNotUseUpMaxCalls() {
        AtomicInteger emission = new AtomicInteger();
        List<Integer> fired = firingsOver(6, On.when(() -> emission.incrementAndGet() >= 3).maxCalls(2));
        assertEquals(List.of(3, 4), fired);
    }

    @Test
    void whenIsAskedOnlyOnEmissionsThatPassEvery() {
        AtomicInteger asked = new AtomicInteger();
        List<Integer> fired = firingsOver(6, On.every(2).andWhen(() -> {
            asked.incrementAndGet();
            return true;
        }));
        assertEquals(List.of(2, 4, 6), fired);
        assertEquals(3, asked.get());
    }

    @Test
    void repeatRunsTheCallbackSeveralTimesButCountsOneCall() {
        Scheduler scheduler = Scheduler.sequential();
        AtomicInteger runs = new AtomicInteger();
        scheduler.onStart(() -> runs.incrementAndGet(), On.repeat(3).maxCalls(2));
        for (int i = 0; i < 3; i++) {
            scheduler.run();
        }
        assertEquals(6, runs.get(), "repeat=3 with maxCalls=2 runs 3+3 times");
    }

    @Test
    void repeatSubmitsFromStartAsAmltkUsersWriteIt() {
        Scheduler scheduler = Scheduler.withThreads(2);
        Task<Integer, Integer> task = scheduler.task("t", x -> x);
        scheduler.onStart(() -> task.submit(1), On.repeat(4));
        scheduler.run();
        assertEquals(4, task.eventCount("result"));
    }

    @Test
    void optionsBelowOneAreRejectedNamingTheOption() {
        assertEquals("every must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> On.every(0)).getMessage());
        assertEquals("repeat must be at least 1, got -1",
                assertThrows(IllegalArgumentException.class, () -> On.repeat(-1)).getMessage());
        assertEquals("maxCalls must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> On.atMost(0)).getMessage());
    }

    @Test
    void handlersRunInRegistrationOrder() {
        Scheduler scheduler = Scheduler.sequential();
        List<String> order = new ArrayList<>();
        scheduler.onStart(() -> order.add("a"));
        scheduler.onStart(() -> order.add("b"));
        scheduler.onStart(() -> order.add("c"));
        scheduler.run();
        assertEquals(List.of("a", "b", "c"), order);
    }

    @Test
    void handlerSubscribedDuringAnEmissionFiresFromTheNextOne() {
        Scheduler scheduler = Scheduler.sequential();
        List<String> order = new ArrayList<>();
        scheduler.onStart(() -> {
            order.add("a");
            if (order.size() == 1) {
                scheduler.onStart(() -> order.add("late"));
            }
        });
        scheduler.onStart(() -> order.add("b"));
        scheduler.run();
        scheduler.run();
        assertEquals(List.of("a", "b", "a", "b", "late"), order);
    }

    @Test
    void aThrowingHandlerDoesNotStopTheOthersOfThatEmission() {
        Scheduler scheduler = Scheduler.sequential();
        List<String> order = new ArrayList<>();
        scheduler.onStart(() -> {
            throw new IllegalStateException("first fails");
        });
        scheduler.onStart(() -> order.add("second ran"));
        ExitState exit = scheduler.run(RunOptions.defaults().onException(Action.CONTINUE));
        assertEquals(List.of("second ran"), order);
        assertEquals(ExitState.Code.EXHAUSTED, exit.code());
    }

    @Test
    void unknownEventNameIsAnErrorListingTheKnownOnes() {
        Scheduler scheduler = Scheduler.sequential();
        Task<Integer, Integer> task = scheduler.task("t", x -> x);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> task.on("reslt", r -> { }));
        assertEquals("task 't' has no event 'reslt' (did you mean 'result'?); known events: submitted, done, "
                + "result, exception, cancelled", e.getMessage());
        IllegalArgumentException s = assertThrows(IllegalArgumentException.class,
                () -> scheduler.on("on_start", r -> { }));
        assertTrue(s.getMessage().startsWith("the scheduler has no event 'on_start'"), s.getMessage());
    }

    @Test
    void hiddenHandlersAreLeftOutOfTheTreeAndTheirEventsComeFirst() {
        Scheduler scheduler = Scheduler.sequential();
        scheduler.onStart(() -> { });
        scheduler.onEmpty(() -> { }, On.hiddenHandler());
        scheduler.run();
        String tree = scheduler.render();
        String[] lines = tree.split("\n");
        assertEquals("├── @empty 1", lines[3], tree);
        assertTrue(tree.contains("│   └── SubscriptionOptionsTests.hiddenHandlersAreLeftOutOfTheTreeAndTheirEventsComeFirst"
                + "(SubscriptionOptionsTests.java:"), tree);
        assertEquals(1, tree.lines().filter(l -> l.contains("SubscriptionOptionsTests.")).count(),
                "only the visible handler is drawn");
    }
}
