package dev.weft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/** onException and onCancelled, for calls and callbacks (amltk-semantics.md 1.7.4, 1.7.5, weft's decisions 4 to 7). */
class ExceptionPolicyTests {

    static class BaseError extends RuntimeException {
        BaseError(String m) {
            super(m);
        }
    }

    static class CustomError extends BaseError {
        CustomError(String m) {
            super(m);
        }
    }

    private static ExitState runFailing(Throwable thrown, RunOptions options, List<String> finished) {
        Scheduler scheduler = Scheduler.withThreads(1);
        Task<Integer, Integer> task = scheduler.task("fail", x -> {
            if (thrown instanceof Exception e) {
                throw e;
            }
            throw (Error) thrown;
        });
        scheduler.onStart(() -> task.submit(1));
        scheduler.onFinished(() -> finished.add("finished"));
        return scheduler.run(options);
    }

    @Test
    void raiseThrowsTheCallsExceptionOnlyAfterTheRunFinished() {
        List<String> finished = new java.util.ArrayList<>();
        CustomError boom = new CustomError("boom");
        CustomError thrown = assertThrows(CustomError.class, () -> runFailing(boom, RunOptions.defaults(), finished));
        assertSame(boom, thrown);
        assertEquals(List.of("finished"), finished);
    }

    @Test
    void checkedExceptionsAreRaisedWrappedInRunFailedException() {
        IOException io = new IOException("disk");
        RunFailedException thrown = assertThrows(RunFailedException.class,
                () -> runFailing(io, RunOptions.defaults(), new java.util.ArrayList<>()));
        assertSame(io, thrown.getCause());
    }

    @Test
    void endReturnsTheExceptionInTheExitState() {
        CustomError boom = new CustomError("boom");
        ExitState exit = runFailing(boom, RunOptions.defaults().onException(Action.END), new java.util.ArrayList<>());
        assertEquals(new ExitState(ExitState.Code.EXCEPTION, Optional.of(boom)), exit);
    }

    @Test
    void continueKeepsRunningUntilExhausted() {
        ExitState exit = runFailing(new CustomError("boom"), RunOptions.defaults().onException(Action.CONTINUE),
                new java.util.ArrayList<>());
        assertEquals(ExitState.of(ExitState.Code.EXHAUSTED), exit);
    }

    @Test
    void theFirstMatchingEntryWinsNotTheMostSpecific() {
        CustomError boom = new CustomError("boom");
        ExceptionPolicy baseEndsFirst = ExceptionPolicy.builder().on(BaseError.class, Action.END)
                .on(CustomError.class, Action.RAISE).build();
        assertEquals(ExitState.Code.EXCEPTION,
                runFailing(boom, RunOptions.defaults().onException(baseEndsFirst), new java.util.ArrayList<>()).code());

        ExceptionPolicy customRaisesFirst = ExceptionPolicy.builder().on(CustomError.class, Action.RAISE)
                .on(BaseError.class, Action.CONTINUE).build();
        assertThrows(CustomError.class,
                () -> runFailing(boom, RunOptions.defaults().onException(customRaisesFirst), new java.util.ArrayList<>()));
    }

    @Test
    void anExceptionNoEntryMatchesIsRaisedAndAnEmptyPolicyRaisesEverything() {
        ExceptionPolicy onlyIo = ExceptionPolicy.builder().on(IOException.class, Action.CONTINUE).build();
        assertThrows(CustomError.class, () -> runFailing(new CustomError("x"), RunOptions.defaults().onException(onlyIo),
                new java.util.ArrayList<>()));
        assertThrows(CustomError.class, () -> runFailing(new CustomError("x"),
                RunOptions.defaults().onException(ExceptionPolicy.builder().build()), new java.util.ArrayList<>()));
    }

    @Test
    void anErrorFromACallAlwaysStopsAndIsRethrownAfterItsEvents() {
        Scheduler scheduler = Scheduler.withThreads(1);
        AssertionError fatal = new AssertionError("fatal");
        Task<Integer, Integer> task = scheduler.task("fatal", x -> {
            throw fatal;
        });
        List<String> seen = new java.util.ArrayList<>();
        task.onException((f, e) -> seen.add("exception " + e.getMessage()));
        scheduler.onFinished(() -> seen.add("finished"));
        scheduler.onStart(() -> task.submit(1));

        AssertionError thrown = assertThrows(AssertionError.class,
                () -> scheduler.run(RunOptions.defaults().onException(Action.CONTINUE)));

        assertSame(fatal, thrown);
        assertEquals(List.of("exception fatal", "finished"), seen);
        assertEquals(1, scheduler.eventCount("stop"));
    }

    @Test
    void callbackExceptionsFollowTheSamePolicy() {
        for (Action action : Action.values()) {
            Scheduler scheduler = Scheduler.sequential();
            Task<Integer, Integer> task = scheduler.task("t", x -> x);
            CustomError boom = new CustomError("in callback");
            task.onResult((f, r) -> {
                throw boom;
            });
            scheduler.onStart(() -> task.submit(1));
            RunOptions options = RunOptions.defaults().onException(action);
            switch (action) {
                case RAISE -> {
                    assertSame(boom, assertThrows(CustomError.class, () -> scheduler.run(options)));
                    assertEquals(1, scheduler.eventCount("finished"), "raised only after finishing");
                }
                case END -> assertEquals(new ExitState(ExitState.Code.EXCEPTION, Optional.of(boom)), scheduler.run(options));
                case CONTINUE -> assertEquals(ExitState.Code.EXHAUSTED, scheduler.run(options).code());
            }
        }
    }

    @Test
    void exceptionsInLifecycleHandlersGoThroughThePolicyToo() {
        Scheduler scheduler = Scheduler.sequential();
        CustomError boom = new CustomError("in finishing");
        scheduler.onFinishing(() -> {
            throw boom;
        });
        assertSame(boom, assertThrows(CustomError.class, scheduler::run));
        assertEquals(1, scheduler.eventCount("finished"), "the run still finished cleanly before raising");

        Scheduler ending = Scheduler.sequential();
        ending.onStart(() -> {
            throw boom;
        });
        ExitState exit = ending.run(RunOptions.defaults().onException(Action.END));
        assertEquals(new ExitState(ExitState.Code.EXCEPTION, Optional.of(boom)), exit);
        assertEquals(1, ending.eventCount("stop"));
    }

    @Test
    void cancelledCallFollowsOnCancelled() throws Exception {
        for (Action action : Action.values()) {
            Scheduler scheduler = Scheduler.withThreads(1);
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            Task<Integer, Integer> blocker = scheduler.task("blocker", x -> {
                release.await(10, java.util.concurrent.TimeUnit.SECONDS);
                return x;
            });
            Task<Integer, Integer> victim = scheduler.task("victim", x -> x);
            scheduler.onStart(() -> {
                blocker.submit(1);
                // Queued behind the blocker on the single worker: cancelling it never runs it.
                victim.submit(2).orElseThrow().cancel();
            });
            victim.onCancelled(f -> release.countDown());
            RunOptions options = RunOptions.defaults().onCancelled(action);
            switch (action) {
                case RAISE -> assertThrows(CancellationException.class, () -> scheduler.run(options));
                case END -> {
                    ExitState exit = scheduler.run(options);
                    assertEquals(ExitState.Code.CANCELLED, exit.code());
                    assertTrue(exit.exception().orElseThrow() instanceof CancellationException);
                }
                case CONTINUE -> assertEquals(ExitState.Code.EXHAUSTED, scheduler.run(options).code());
            }
            assertEquals(1, victim.eventCount("cancelled"));
            assertEquals(0, victim.eventCount("done"));
            assertEquals(1, blocker.eventCount("result"), "the running call still delivers its result before run() returns");
        }
    }

    @Test
    void policyRejectsMappingAnExceptionTwice() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExceptionPolicy.builder().on(IOException.class, Action.END).on(IOException.class, Action.RAISE));
        assertEquals("type java.io.IOException is mapped twice", e.getMessage());
    }
}
