package dev.weft.plugin.retry;

import dev.weft.api.CallState;
import dev.weft.api.TaskFuture;
import java.util.Optional;

/** A call, only for its id and task name. */
final class FakeFuture implements TaskFuture<Object> {

    private final long id;
    private final String task;

    FakeFuture(long id, String task) {
        this.id = id;
        this.task = task;
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
        return null;
    }

    @Override
    public CallState state() {
        return CallState.RUNNING;
    }

    @Override
    public int attempts() {
        return 1;
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
