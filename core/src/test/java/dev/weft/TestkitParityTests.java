package dev.weft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.PluginChainTests.Noted;
import dev.weft.api.CallScope;
import dev.weft.api.Failure;
import dev.weft.api.Invocation;
import dev.weft.api.TaskContext;
import dev.weft.api.TaskPlugin;
import dev.weft.testkit.FakeCallScope;
import dev.weft.testkit.FakeFailure;
import dev.weft.testkit.FakeFuture;
import dev.weft.testkit.FakeTaskContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The testkit's fakes check the plugin API's contract the way the scheduler does, so that a
 * plugin's unit tests see what production would. They cannot share the scheduler's code (the
 * testkit reads the API alone), so each case makes the same move against both and compares.
 */
class TestkitParityTests {

    @Test
    void failingAScopeAnnouncesThenRunsItsEndActions() throws Exception {
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch endActionRan = new CountDownLatch(1);
        Consumer<CallScope> giveUp = scope -> {
            scope.onEnd(() -> {
                order.add("end action");
                endActionRan.countDown();
            });
            scope.fail(new IllegalStateException("gave up"), false, () -> order.add("announced"));
        };
        Scheduler scheduler = Scheduler.withThreads(1);
        Task<Integer, Integer> task = scheduler.task("t", x -> x, Chain.of(new TaskPlugin() {
            @Override
            public String name() {
                return "quitter";
            }

            @Override
            public Object around(Invocation invocation) throws Exception {
                giveUp.accept(invocation.scope());
                return invocation.proceed();
            }
        }));
        List<Throwable> failures = new ArrayList<>();
        task.onException((f, e) -> failures.add(e));
        scheduler.onStart(() -> task.submit(1));

        scheduler.run(RunOptions.defaults().onException(Action.CONTINUE));

        // The failing thread runs the end actions after posting the failure, so the run may end first.
        assertTrue(endActionRan.await(10, TimeUnit.SECONDS), "the end action ran");
        // CallScope.fail's contract.
        assertEquals(List.of("announced", "end action"), order);
        assertEquals("gave up", failures.get(0).getMessage());
        List<String> real = List.copyOf(order);
        order.clear();
        giveUp.accept(new FakeCallScope(0));
        assertEquals(real, order, "the fake's order");
    }

    @Test
    void retryAfterRefusesANegativeDelayAndASecondDelayAlike() {
        Function<Failure, List<String>> misuse = failure -> {
            List<String> refusals = new ArrayList<>();
            refusals.add(refusal(() -> failure.retryAfter(Duration.ofSeconds(-1))));
            failure.retryAfter(Duration.ZERO);
            refusals.add(refusal(() -> failure.retryAfter(Duration.ofMillis(1))));
            return refusals;
        };
        List<List<String>> seen = new ArrayList<>();
        AtomicInteger runs = new AtomicInteger();
        Scheduler scheduler = Scheduler.withThreads(1);
        Task<Integer, Integer> task = scheduler.task("t", x -> {
            if (runs.incrementAndGet() == 1) {
                throw new IllegalArgumentException("first attempt fails");
            }
            return x;
        }, Chain.of(new TaskPlugin() {
            @Override
            public String name() {
                return "retrier";
            }

            @Override
            public void onFailure(Failure failure) {
                seen.add(misuse.apply(failure));
            }
        }));
        List<Integer> results = new ArrayList<>();
        task.onResult((f, r) -> results.add(r));
        scheduler.onStart(() -> task.submit(5));

        scheduler.run();

        assertEquals(List.of(5), results, "the one valid delay retried the call");
        assertEquals(List.of(List.of(
                "java.lang.IllegalArgumentException: retry delay must not be negative, got PT-1S",
                "java.lang.IllegalStateException: retryAfter called twice, with PT0S then PT0.001S")), seen);
        FakeFailure fake = new FakeFailure(new FakeFuture(1, "t"), 1, new IllegalArgumentException("x"),
                new FakeCallScope(0));
        assertEquals(seen.get(0), misuse.apply(fake), "the fake's refusals");
    }

    @Test
    void emittingAnUnregisteredEventIsRefusedOnTheEmittersThreadAlike() {
        Function<TaskContext, String> emitUnregistered = context -> refusal(
                () -> context.emit(PluginChainTests.NOTED, new Noted("never registered", 1))).split(":")[0];
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        Scheduler scheduler = Scheduler.withThreads(1);
        Task<Integer, Integer> task = scheduler.task("t", x -> x,
                Chain.of(new AroundPlugin("loud", context -> seen.add(emitUnregistered.apply(context)))));
        scheduler.onStart(() -> task.submit(1));

        assertEquals(ExitState.Code.EXHAUSTED, scheduler.run().code());
        assertEquals(List.of("java.lang.IllegalArgumentException"), seen);
        assertEquals(seen.get(0), emitUnregistered.apply(new FakeTaskContext("t")), "the fake's refusal");
    }

    /** @return what the action threw, as "class: message", or "accepted" */
    private static String refusal(Runnable action) {
        try {
            action.run();
            return "accepted";
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
