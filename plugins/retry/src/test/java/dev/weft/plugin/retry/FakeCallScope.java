package dev.weft.plugin.retry;

import dev.weft.api.CallScope;
import java.util.function.Supplier;

/** One plugin's scope of one call: it holds that plugin's state. */
final class FakeCallScope implements CallScope {

    private final long startNanos;
    private Object state;

    FakeCallScope(long startNanos) {
        this.startNanos = startNanos;
    }

    @Override
    public long startNanos() {
        return startNanos;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S> S state(Supplier<S> initial) {
        if (state == null) {
            state = initial.get();
        }
        return (S) state;
    }

    @Override
    public boolean fail(Throwable failure, boolean interrupt, Runnable announce) {
        throw new UnsupportedOperationException("retry never fails a scope");
    }

    @Override
    public void onEnd(Runnable action) {
        throw new UnsupportedOperationException("retry needs no end actions");
    }

    @Override
    public boolean isEnded() {
        return false;
    }
}
