package dev.weft.plugin.timeout;

import dev.weft.api.CallScope;
import dev.weft.api.Invocation;
import dev.weft.api.TaskFuture;
import java.util.concurrent.Callable;

/** One attempt for unit tests: proceed() runs the body on the calling thread. */
final class FakeInvocation implements Invocation {

    private final TaskFuture<?> call;
    private final int attempt;
    private final FakeScope scope;
    private final Callable<Object> body;

    FakeInvocation(TaskFuture<?> call, int attempt, FakeScope scope, Callable<Object> body) {
        this.call = call;
        this.attempt = attempt;
        this.scope = scope;
        this.body = body;
    }

    @Override
    public TaskFuture<?> call() {
        return call;
    }

    @Override
    public int attempt() {
        return attempt;
    }

    @Override
    public Object proceed() throws Exception {
        scope.runner = Thread.currentThread();
        try {
            return body.call();
        } finally {
            scope.runner = null;
        }
    }

    @Override
    public CallScope scope() {
        return scope;
    }
}
