package dev.weft.plugin.limiter;

import dev.weft.api.CallState;
import dev.weft.api.TaskFuture;
import java.util.Optional;

/** A pending call, only for carrying an id in event payloads. */
final class FakeFuture implements TaskFuture<Object> {

    private final long id;
    private final String task;
    private final Object argument;

    FakeFuture(long id, String task, Object argument) {
        this.id = id;
        this.task = task;
        this.argument = argument;
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public String taskName() {
        return task;
    }

    @Override
    public Object argument() {
        return argument;
    }

    @Override
    public CallState state() {
        return CallState.PENDING;
    }

    @Override
    public int attempts() {
        return 0;
    }

    @Override
    public Optional<Object> result() {
        return Optional.empty();
    }

    @Override
    public Optional<Throwable> exception() {
        return Optional.empty();
    }

    @Override
    public boolean cancel() {
        return false;
    }
}
