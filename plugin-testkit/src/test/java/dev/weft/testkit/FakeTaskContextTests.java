package dev.weft.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.api.EventType;
import dev.weft.api.On;
import dev.weft.api.SchedulerEvents;
import dev.weft.api.Signal;
import dev.weft.api.SubmittedEvent;
import dev.weft.api.TaskEvents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FakeTaskContextTests {

    private static final EventType<Said> SAID = EventType.of("said", Said.class);
    private static final EventType<Signal> PINGED = EventType.of("pinged", Signal.class);

    private final FakeTaskContext context = new FakeTaskContext("evaluate");

    @Test
    void recordsRegisteredTypesInOrderEachOnce() {
        context.register(SAID);
        context.register(PINGED);
        context.register(SAID);

        assertEquals(List.of(SAID, PINGED), context.registered());
    }

    @Test
    void refusesASecondTypeOfTheSameName() {
        context.register(SAID);

        assertThrows(IllegalArgumentException.class, () -> context.register(EventType.of("said", Signal.class)));
    }

    @Test
    void recordsEmissionsInOrderAndByType() {
        context.register(SAID);
        context.register(PINGED);

        context.emit(SAID, new Said("a"));
        context.emit(PINGED, Signal.INSTANCE);
        context.emit(SAID, new Said("b"));

        assertEquals(List.of(new Said("a"), Signal.INSTANCE, new Said("b")), context.emitted());
        assertEquals(List.of(new Said("a"), new Said("b")), context.emitted(SAID));
        assertEquals(new FakeTaskContext.Emission(PINGED, Signal.INSTANCE), context.emissions().get(1));
    }

    @Test
    void emittingAnUnregisteredTypeIsRefused() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> context.emit(SAID, new Said("x")));

        assertTrue(e.getMessage().contains("@said"), e.getMessage());
        assertEquals(List.of(), context.emitted());
    }

    @Test
    void recordsSubscriptionsWithTheirOptions() {
        On hidden = On.hiddenHandler();
        context.on(TaskEvents.SUBMITTED, e -> { }, hidden);
        context.onScheduler(SchedulerEvents.FINISHED, e -> { }, On.defaults());

        assertEquals(List.of(new FakeTaskContext.Subscription(TaskEvents.SUBMITTED, hidden)), context.subscriptions());
        assertEquals(List.of(new FakeTaskContext.Subscription(SchedulerEvents.FINISHED, On.defaults())),
                context.schedulerSubscriptions());
    }

    @Test
    void fireDeliversToTheHandlersOfThatTypeThenToAnyListenersWithoutRecording() {
        List<String> seen = new ArrayList<>();
        context.on(TaskEvents.SUBMITTED, e -> seen.add("first " + e.argument()), On.hiddenHandler());
        context.on(TaskEvents.SUBMITTED, e -> seen.add("second " + e.argument()), On.hiddenHandler());
        context.on(TaskEvents.DONE, e -> seen.add("done"), On.hiddenHandler());
        context.onAny((type, payload) -> seen.add("any " + type.name()));

        context.fire(TaskEvents.SUBMITTED, new SubmittedEvent(new FakeFuture(1, "evaluate", 7), 7));

        assertEquals(List.of("first 7", "second 7", "any submitted"), seen);
        assertEquals(List.of(), context.emitted());
        assertEquals(1, context.anyListenerCount());
    }

    @Test
    void emitAlsoDeliversToThePluginsOwnHandlers() {
        List<Said> heard = new ArrayList<>();
        context.register(SAID);
        context.on(SAID, heard::add, On.hiddenHandler());

        context.emit(SAID, new Said("hi"));

        assertEquals(List.of(new Said("hi")), heard);
    }

    @Test
    void fireSchedulerDeliversOnlyToSchedulerSubscriptions() {
        List<String> seen = new ArrayList<>();
        context.onScheduler(SchedulerEvents.FINISHED, e -> seen.add("finished"), On.defaults());
        context.onAny((type, payload) -> seen.add("any"));

        context.fireScheduler(SchedulerEvents.FINISHED, Signal.INSTANCE);
        context.fireScheduler(SchedulerEvents.START, Signal.INSTANCE);

        assertEquals(List.of("finished"), seen);
    }

    @Test
    void theTaskAndOtherTasksHaveCountsTheTestSets() {
        FakeTaskView train = context.addTask("train").setRunningCount(1);
        context.task().setQueued(3);

        assertEquals("evaluate", context.task().name());
        assertEquals("Task-evaluate-test", context.task().ref());
        assertEquals(3, context.task().queued());
        assertSame(context.task(), context.task("evaluate").orElseThrow());
        assertSame(train, context.task("train").orElseThrow());
        assertTrue(context.task("train").orElseThrow().running());
        assertEquals(Optional.empty(), context.task("report"));
        assertThrows(IllegalArgumentException.class, () -> context.addTask("train"));
        assertThrows(IllegalArgumentException.class, () -> train.setQueued(-1));
    }

    @Test
    void callLaterRunsWhenTheClockIsAdvancedPastItsDelay() {
        List<String> ran = new ArrayList<>();
        context.callLater(Duration.ofSeconds(1), () -> ran.add("later"));

        context.clock().advance(Duration.ofMillis(999));
        assertEquals(List.of(), ran);
        context.clock().advance(Duration.ofMillis(1));

        assertEquals(List.of("later"), ran);
        assertEquals(List.of(Duration.ofSeconds(1)), context.clock().scheduledDelays());
    }
}
