package dev.weft.testkit;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A {@link FakeInvocation} runs its body once and interrupts it when its scope is failed. */
class FakeInvocationTests {

    private final FakeFuture call = new FakeFuture(7, "job");
    private final FakeCallScope scope = new FakeCallScope(123);

    @Test
    void anInvocationRunsItsBodyAndCountsProceeds() throws Exception {
        FakeInvocation invocation = new FakeInvocation(call, 2, scope, () -> "done");

        assertEquals(0, invocation.proceedCount());
        assertEquals("done", invocation.proceed());

        assertEquals(1, invocation.proceedCount());
        assertSame(call, invocation.call());
        assertSame(scope, invocation.scope());
        assertEquals(2, invocation.attempt());
    }

    @Test
    void aSecondProceedIsRefusedWithoutRunningTheBody() throws Exception {
        List<String> runs = new ArrayList<>();
        FakeInvocation invocation = new FakeInvocation(call, 1, scope, () -> runs.add("ran"));
        invocation.proceed();

        assertThrows(IllegalStateException.class, invocation::proceed);

        assertEquals(List.of("ran"), runs);
        assertEquals(2, invocation.proceedCount());
    }

    @Test
    void theBodysExceptionComesOutOfProceed() {
        FakeInvocation invocation = new FakeInvocation(call, 1, scope, () -> {
            throw new java.io.IOException("disk");
        });

        assertEquals("disk", assertThrows(java.io.IOException.class, invocation::proceed).getMessage());
    }

    @Test
    @Timeout(10)
    void failingWithInterruptInterruptsTheThreadRunningTheBody() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        FakeInvocation invocation = new FakeInvocation(call, 1, scope, () -> {
            running.countDown();
            new CountDownLatch(1).await();
            return "never";
        });
        CompletableFuture<Object> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                return invocation.proceed();
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, r -> new Thread(r, "test-worker").start());
        assertTrue(running.await(5, SECONDS));

        assertTrue(scope.fail(new IllegalStateException("timed out"), true));

        ExecutionException thrown = assertThrows(ExecutionException.class, () -> outcome.get(5, SECONDS));
        assertTrue(thrown.getCause() instanceof InterruptedException, thrown.toString());
    }

    @Test
    void failingWithoutInterruptLeavesTheThreadAlone() throws Exception {
        FakeInvocation invocation = new FakeInvocation(call, 1, scope, () -> {
            scope.fail(new IllegalStateException("late"), false);
            return Thread.currentThread().isInterrupted();
        });

        assertEquals(false, invocation.proceed());
        assertFalse(scope.interruptRequested());
    }
}
