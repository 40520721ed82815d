package dev.weft.plugin.retry;

import dev.weft.api.CallScope;
import dev.weft.api.Invocation;
import dev.weft.api.TaskFuture;

/** An attempt whose function returns a fixed value. */
final class FakeInvocation implements Invocation {

    private final TaskFuture<?> call;
    private final CallScope scope;
    private final Object result;
    int proceeded;

    FakeInvocation(TaskFuture<?> call, CallScope scope, Object result) {
        this.call = call;
        this.scope = scope;
        this.result = result;
    }

    @Override
    public TaskFuture<?> call() {
        return call;
    }

    @Override
    public int attempt() {
        return 1;
    }

    @Override
    public Object proceed() {
        proceeded++;
        return result;
    }

    @Override
    public CallScope scope() {
        return scope;
    }
}
