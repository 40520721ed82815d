package dev.weft.core.engine;

import dev.weft.api.CallScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/** One plugin's scope within a call. Guarded by the call's lock. */
final class Scope implements CallScope {

    private final Call call;
    private final int index;
    private final long startNanos;
    private Object state;
    private final List<Runnable> onEnd = new ArrayList<>();
    private boolean ended;

    Scope(Call call, int index, long startNanos) {
        this.call = call;
        this.index = index;
        this.startNanos = startNanos;
    }

    @Override
    public long startNanos() {
        return startNanos;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S> S state(Supplier<S> initial) {
        Objects.requireNonNull(initial, "initial");
        synchronized (call) {
            if (state == null) {
                state = Objects.requireNonNull(initial.get(), "initial state");
            }
            return (S) state;
        }
    }

    @Override
    public boolean fail(Throwable failure, boolean interrupt, Runnable announce) {
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(announce, "announce");
        return call.failScope(this, index, failure, interrupt, announce);
    }

    @Override
    public void onEnd(Runnable action) {
        Objects.requireNonNull(action, "action");
        boolean runNow;
        synchronized (call) {
            runNow = ended;
            if (!ended) {
                onEnd.add(action);
            }
        }
        if (runNow) {
            action.run();
        }
    }

    @Override
    public boolean isEnded() {
        synchronized (call) {
            return ended;
        }
    }

    /** Marks the scope ended; returns the actions to run outside the lock. */
    List<Runnable> end() {
        synchronized (call) {
            if (ended) {
                return List.of();
            }
            ended = true;
            List<Runnable> actions = List.copyOf(onEnd);
            onEnd.clear();
            return actions;
        }
    }
}
