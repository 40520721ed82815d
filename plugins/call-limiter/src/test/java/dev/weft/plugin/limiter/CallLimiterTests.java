package dev.weft.plugin.limiter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.api.OptionException;
import dev.weft.api.Options;
import dev.weft.api.SubmittedEvent;
import dev.weft.api.TaskEvents;
import dev.weft.testkit.FakeFuture;
import dev.weft.testkit.FakePanel;
import dev.weft.testkit.FakeSubmission;
import dev.weft.testkit.FakeTaskContext;
import dev.weft.testkit.FakeTaskView;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The call-limiter on its own, against a fake task context. */
class CallLimiterTests {

    private final FakeTaskContext context = new FakeTaskContext("evaluate");
    private long nextId = 1;

    /** The call-limiter decides at submit time alone: no timers, no scheduler events, no other plugins' events. */
    @AfterEach
    void callLimiterSetsNoTimersAndListensOnlyToItsTask() {
        assertEquals(List.of(), context.clock().scheduledDelays(), "the call-limiter sets no timers");
        assertEquals(List.of(), context.schedulerSubscriptions(), "the call-limiter needs no scheduler events");
        assertEquals(0, context.anyListenerCount(), "the call-limiter listens to no other plugin's events");
    }

    private CallLimiter attach(Map<String, ?> raw) {
        CallLimiterFactory factory = new CallLimiterFactory();
        CallLimiter limiter = (CallLimiter) factory.create(Options.parse(factory.options(), raw));
        limiter.attach(context);
        return limiter;
    }

    /** Asks the limiter, and when it accepts, lets the scheduler submit the call as it would. */
    private FakeSubmission submit(CallLimiter limiter, Object argument) {
        FakeSubmission submission = new FakeSubmission(context.task(), argument);
        limiter.beforeSubmit(submission);
        if (!submission.isVetoed()) {
            context.fire(TaskEvents.SUBMITTED,
                    new SubmittedEvent(new FakeFuture(nextId++, "evaluate", argument), argument));
        }
        return submission;
    }

    @Test
    void attachRegistersTheThreeEventsAndAHiddenCounter() {
        attach(Map.of());

        assertEquals(LimiterEvents.ALL, List.copyOf(context.registered()));
        assertEquals(1, context.subscriptions().size());
        assertTrue(context.subscriptions().get(0).options().isHidden());
    }

    @Test
    void vetoesCallsOnceMaxCallsWereSubmitted() {
        CallLimiter limiter = attach(Map.of("max-calls", 2));

        assertFalse(submit(limiter, 1).isVetoed());
        assertFalse(submit(limiter, 2).isVetoed());
        FakeSubmission third = submit(limiter, 3);

        assertTrue(third.isVetoed());
        assertEquals(List.of(new CallLimitReachedEvent("evaluate", 3)), context.emitted());
    }

    @Test
    void aCallVetoedAfterTheLimiterAcceptedItDoesNotCount() {
        CallLimiter limiter = attach(Map.of("max-calls", 1));

        // A later plugin vetoes: the limiter said yes, but no submitted event follows.
        limiter.beforeSubmit(new FakeSubmission(context.task(), "vetoed later"));

        assertFalse(submit(limiter, "counts").isVetoed());
        assertTrue(submit(limiter, "over").isVetoed());
    }

    @Test
    void aCallTheLimiterVetoedDoesNotCount() {
        CallLimiter limiter = attach(Map.of("max-calls", 2, "max-concurrent", 1));
        context.task().setQueued(1);

        assertTrue(submit(limiter, "busy").isVetoed());
        context.task().setQueued(0);

        assertFalse(submit(limiter, 1).isVetoed());
        assertFalse(submit(limiter, 2).isVetoed());
        assertTrue(submit(limiter, 3).isVetoed());
    }

    @Test
    void maxConcurrentCountsQueuedCallsNotOnlyRunningOnes() {
        CallLimiter limiter = attach(Map.of("max-concurrent", 2));
        context.task().setQueued(2);
        context.task().setRunningCount(0);

        FakeSubmission vetoed = submit(limiter, "x");

        assertTrue(vetoed.isVetoed());
        assertEquals(List.of(new ConcurrentLimitReachedEvent("evaluate", "x")), context.emitted());
        context.task().setQueued(1);
        assertFalse(submit(limiter, "y").isVetoed());
    }

    @Test
    void maxCallsIsCheckedBeforeMaxConcurrent() {
        CallLimiter limiter = attach(Map.of("max-calls", 1, "max-concurrent", 1));
        submit(limiter, 1);
        context.task().setQueued(1);

        submit(limiter, 2);

        assertEquals(List.of(new CallLimitReachedEvent("evaluate", 2)), context.emitted());
    }

    @Test
    void maxConcurrentIsCheckedBeforeNotWhileRunning() {
        CallLimiter limiter = attach(Map.of("max-concurrent", 1, "not-while-running", List.of("train")));
        context.addTask("train").setRunningCount(1);
        context.task().setQueued(1);

        submit(limiter, "a");

        assertEquals(List.of(new ConcurrentLimitReachedEvent("evaluate", "a")), context.emitted());
    }

    @Test
    void vetoesWhileANotWhileTaskRunsAndNamesTheBlockingTaskFirst() {
        CallLimiter limiter = attach(Map.of("not-while-running", List.of("train", "report")));
        context.addTask("train");
        FakeTaskView report = context.addTask("report");
        report.setRunningCount(1);

        FakeSubmission vetoed = submit(limiter, 7);

        assertTrue(vetoed.isVetoed());
        assertEquals(List.of(new DisabledDueToRunningTaskEvent("report", "evaluate", 7)), context.emitted());
        report.setRunningCount(0);
        assertFalse(submit(limiter, 8).isVetoed());
    }

    @Test
    void notWhileTasksAreCheckedInTheOrderGiven() {
        CallLimiter limiter = attach(Map.of("not-while-running", List.of("train", "report")));
        context.addTask("train").setRunningCount(1);
        context.addTask("report").setRunningCount(1);

        submit(limiter, 1);

        assertEquals(List.of(new DisabledDueToRunningTaskEvent("train", "evaluate", 1)), context.emitted());
    }

    @Test
    void aQueuedButNotRunningNotWhileTaskDoesNotBlock() {
        CallLimiter limiter = attach(Map.of("not-while-running", List.of("train")));
        context.addTask("train").setQueued(3);

        assertFalse(submit(limiter, 1).isVetoed());
    }

    @Test
    void anUnknownNotWhileTaskDoesNotBlockUntilItExists() {
        CallLimiter limiter = attach(Map.of("not-while-running", List.of("later")));

        assertFalse(submit(limiter, 1).isVetoed());
        assertFalse(submit(limiter, 2).isVetoed());

        context.addTask("later").setRunningCount(1);
        assertTrue(submit(limiter, 3).isVetoed());
    }

    @Test
    void attachRefusesATaskThatNamesItselfInNotWhileRunning() {
        CallLimiterFactory factory = new CallLimiterFactory();
        CallLimiter limiter = (CallLimiter) factory.create(
                Options.parse(factory.options(), Map.of("not-while-running", List.of("evaluate"))));

        OptionException e = assertThrows(OptionException.class, () -> limiter.attach(context));

        assertEquals("not-while-running", e.option());
        assertTrue(e.getMessage().contains("evaluate"), e.getMessage());
    }

    @Test
    void withoutOptionsEveryCallIsAccepted() {
        CallLimiter limiter = attach(Map.of());
        context.task().setQueued(1000);

        for (int i = 0; i < 100; i++) {
            assertFalse(submit(limiter, i).isVetoed());
        }
        assertTrue(context.emitted().isEmpty());
    }

    @Test
    void panelShowsCallsConcurrentAndEachNotWhileTask() {
        CallLimiter limiter = attach(Map.of("max-calls", 10, "max-concurrent", 4,
                "not-while-running", List.of("train", "report", "ghost")));
        FakeTaskView train = context.addTask("train");
        context.addTask("report");
        submit(limiter, 1);
        submit(limiter, 2);
        submit(limiter, 3);
        train.setRunningCount(1);
        context.task().setQueued(2);
        FakePanel panel = new FakePanel();

        limiter.describe(panel);

        assertEquals(List.of("Calls 3/10", "Concurrent 2/4", "Not while train running",
                "Not while report not running", "Not while ghost (no such task)"), panel.lines());
    }

    @Test
    void panelShowsUnlimitedWhenNoLimitIsSet() {
        CallLimiter limiter = attach(Map.of());
        FakePanel panel = new FakePanel();

        limiter.describe(panel);

        assertEquals(List.of("Calls 0/unlimited", "Concurrent 0/unlimited"), panel.lines());
    }
}
