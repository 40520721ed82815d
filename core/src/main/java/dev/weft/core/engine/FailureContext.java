package dev.weft.core.engine;

import dev.weft.api.CallScope;
import dev.weft.api.Failure;
import dev.weft.api.TaskFuture;
import java.time.Duration;
import java.util.Objects;

/** A failed attempt, as {@code onFailure} sees it. */
final class FailureContext implements Failure {

    private final Call call;
    private final Throwable error;
    private final CallScope scope;
    private Duration retryDelay;

    FailureContext(Call call, Throwable error, CallScope scope) {
        this.call = call;
        this.error = error;
        this.scope = scope;
    }

    @Override
    public TaskFuture<?> call() {
        return call;
    }

    @Override
    public int attempt() {
        return call.attempts();
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
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("retry delay must not be negative, got " + delay);
        }
        if (retryDelay != null) {
            // Two delays for one failure is a plugin bug: neither silently wins.
            throw new IllegalStateException("retryAfter called twice, with " + retryDelay + " then " + delay);
        }
        retryDelay = delay;
    }

    Duration retryDelay() {
        return retryDelay;
    }
}
