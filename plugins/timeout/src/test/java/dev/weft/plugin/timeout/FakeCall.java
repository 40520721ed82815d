package dev.weft.plugin.timeout;

import dev.weft.api.CallState;
import dev.weft.api.TaskFuture;
import java.util.Optional;

/** A call as plugins see it, for unit tests. */
record FakeCall(long id, String taskName) implements TaskFuture<Object> {

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
