package dev.weft.plugin.retry;

import dev.weft.api.CallScope;
import dev.weft.api.Failure;
import dev.weft.api.TaskFuture;
import java.time.Duration;

/** A failed attempt, remembering the retry the plugin asked for, if any. */
final class FakeFailure implements Failure {

    private final TaskFuture<?> call;
    private final int attempt;
    private final Throwable error;
    private final CallScope scope;
    Duration retryDelay;

    FakeFailure(TaskFuture<?> call, int attempt, Throwable error, CallScope scope) {
        this.call = call;
        this.attempt = attempt;
        this.error = error;
        this.scope = scope;
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
    public Throwable error() {
        return error;
    }

    @Override
    public CallScope scope() {
        return scope;
    }

    @Override
    public void retryAfter(Duration delay) {
        if (retryDelay != null) {
            throw new IllegalStateException("retryAfter called twice");
        }
        retryDelay = delay;
    }
}
