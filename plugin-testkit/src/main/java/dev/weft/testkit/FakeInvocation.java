package dev.weft.testkit;

import dev.weft.api.CallScope;
import dev.weft.api.Invocation;
import dev.weft.api.TaskFuture;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * One attempt of a call ({@link Invocation}), for {@code around}: {@link #proceed()} runs a body
 * the test gives, on the calling thread, and counts how often the plugin proceeded.
 *
 * <p>While the body runs, its thread is the one a failing {@link FakeCallScope#fail} interrupts.
 * Run {@code around} on a thread of your own to test a plugin that fails a scope from a timer
 * while the attempt runs.
 *
 * <h2>Contract checks</h2>
 * {@code proceed()} must be called exactly once: a second call throws
 * {@link IllegalStateException} without running the body (the scheduler fails the call with a
 * {@code PluginException} instead). Assert {@code proceedCount() == 1} to catch a plugin that
 * never proceeds.
 *
 * <h2>Threading</h2>
 * Thread-safe.
 *
 * @since 0.1
 */
public final class FakeInvocation implements Invocation {

    private final TaskFuture<?> call;
    private final int attempt;
    private final FakeCallScope scope;
    private final Callable<?> body;
    private int proceedCount;

    /**
     * Creates an attempt.
     *
     * @param call the call it belongs to; never {@code null}
     * @param attempt its number, 1 for the first
     * @param scope the plugin's scope within the call; never {@code null}
     * @param body what {@link #proceed()} runs in place of the rest of the chain and the
     *     function, such as {@code () -> "done"}; never {@code null}
     */
    public FakeInvocation(TaskFuture<?> call, int attempt, FakeCallScope scope, Callable<?> body) {
        this.call = Objects.requireNonNull(call, "call");
        this.attempt = attempt;
        this.scope = Objects.requireNonNull(scope, "scope");
        this.body = Objects.requireNonNull(body, "body");
    }

    @Override
    public TaskFuture<?> call() {
        return call;
    }

    @Override
    public int attempt() {
        return attempt;
    }

    /**
     * Runs the body on this thread, the first time.
     *
     * @return what the body returned
     * @throws Exception what the body threw
     * @throws IllegalStateException if called a second time
     */
    @Override
    public Object proceed() throws Exception {
        synchronized (this) {
            proceedCount++;
            if (proceedCount > 1) {
                throw new IllegalStateException("proceed() called " + proceedCount + " times; call it exactly once");
            }
        }
        scope.running(Thread.currentThread());
        try {
            return body.call();
        } finally {
            scope.running(null);
        }
    }

    @Override
    public CallScope scope() {
        return scope;
    }

    /**
     * How many times the plugin called {@link #proceed()}, including calls refused for being extra.
     *
     * @return the number of calls
     */
    public synchronized int proceedCount() {
        return proceedCount;
    }

    @Override
    public String toString() {
        return "FakeInvocation[call " + call.id() + ", attempt " + attempt + "]";
    }
}
