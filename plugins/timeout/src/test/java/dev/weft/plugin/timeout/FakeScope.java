package dev.weft.plugin.timeout;

import dev.weft.api.CallScope;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** A call scope for unit tests: records how it was failed and interrupts the thread running in it. */
final class FakeScope implements CallScope {

    private final long startNanos;
    private final List<Runnable> onEnd = new ArrayList<>();
    private Object state;
    private boolean ended;
    volatile Throwable failure;
    volatile Boolean interrupted;
    volatile Thread runner;
    /** How many failures to refuse without ending, as the core does between an attempt and its retry. */
    volatile int refusals;

    FakeScope(long startNanos) {
        this.startNanos = startNanos;
    }

    @Override
    public long startNanos() {
        return startNanos;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <S> S state(Supplier<S> initial) {
        if (state == null) {
            state = initial.get();
        }
        return (S) state;
    }

    @Override
    public boolean fail(Throwable failure, boolean interrupt, Runnable announce) {
        if (refusals > 0) {
            refusals--;
            return false;
        }
        if (!end()) {
            return false;
        }
        announce.run();
        this.failure = failure;
        this.interrupted = interrupt;
        Thread thread = runner;
        if (interrupt && thread != null) {
            thread.interrupt();
        }
        return true;
    }

    /** Ends the scope as the core does when its last attempt completes. @return whether this ended it */
    boolean end() {
        List<Runnable> actions;
        synchronized (this) {
            if (ended) {
                return false;
            }
            ended = true;
            actions = List.copyOf(onEnd);
        }
        actions.forEach(Runnable::run);
        return true;
    }

    @Override
    public void onEnd(Runnable action) {
        synchronized (this) {
            if (!ended) {
                onEnd.add(action);
                return;
            }
        }
        action.run();
    }

    @Override
    public synchronized boolean isEnded() {
        return ended;
    }
}
