package dev.weft.core.engine;

import dev.weft.api.CallScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One plugin's scope within a call. Changed under the call's lock; read without it where a
 * plugin asks on every attempt (its state, whether it ended), since the worker and the loop take
 * turns at that lock for each call.
 */
final class Scope implements CallScope {

    private final Call call;
    private final int index;
    private final long startNanos;
    private volatile Object state;
    // Made on the first onEnd: most scopes never get one.
    private List<Runnable> onEnd;
    private volatile boolean ended;

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
        Object made = state;
        if (made != null) {
            return (S) made;
        }
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
                if (onEnd == null) {
                    onEnd = new ArrayList<>(2);
                }
                onEnd.add(action);
            }
        }
        if (runNow) {
            action.run();
        }
    }

    @Override
    public boolean isEnded() {
        return ended;
    }

    /** Marks the scope ended; returns the actions to run outside the lock. */
    List<Runnable> end() {
        synchronized (call) {
            if (ended) {
                return List.of();
            }
            ended = true;
            List<Runnable> actions = onEnd == null ? List.of() : List.copyOf(onEnd);
            onEnd = null;
            return actions;
        }
    }
}
