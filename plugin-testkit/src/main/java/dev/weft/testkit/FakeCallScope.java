package dev.weft.testkit;

import dev.weft.api.CallScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One plugin's scope of one call ({@link CallScope}), which a test ends by hand and which
 * records how the plugin failed it.
 *
 * <p>It holds the plugin's state, runs its end actions when it ends, and ends at most once: by
 * {@link #end()} (what the scheduler does when the scope's last attempt completes) or by the
 * plugin's {@link #fail}. A failing {@code fail} interrupts the thread running a
 * {@link FakeInvocation} of this scope, if asked to. {@link #refuseFailures(int)} makes it
 * refuse failures for a while, as the scheduler does between an attempt and its retry.
 *
 * <h2>Threading</h2>
 * Thread-safe, like the real scope: a timer may fail it while a worker runs in it. End actions
 * and the announcement run on the thread that ends the scope, outside its lock.
 *
 * @since 0.1
 */
public final class FakeCallScope implements CallScope {

    private final long startNanos;
    private final List<Runnable> endActions = new ArrayList<>();
    private Object state;
    private boolean ended;
    private int refusals;
    private Throwable failure;
    private boolean interruptRequested;
    private Thread runner;

    /**
     * Creates a scope that has not ended.
     *
     * @param startNanos the clock reading when its first attempt started, such as
     *     {@code clock.nanoTime()} of the context's {@link FakeClock}
     */
    public FakeCallScope(long startNanos) {
        this.startNanos = startNanos;
    }

    @Override
    public long startNanos() {
        return startNanos;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <S> S state(Supplier<S> initial) {
        Objects.requireNonNull(initial, "initial");
        if (state == null) {
            state = Objects.requireNonNull(initial.get(), "initial state");
        }
        return (S) state;
    }

    /**
     * Ends the scope with a failure, unless it already ended or is refusing failures. When it
     * ends, in the scheduler's order: {@code announce} runs, then the failure is recorded and,
     * if asked, the thread running an invocation of this scope is interrupted, then the scope's
     * end actions run.
     *
     * @param failure the failure; never {@code null}
     * @param interrupt whether to interrupt the thread running the attempt
     * @param announce runs only if this ends the scope; never {@code null}
     * @return true if this ended the scope
     */
    @Override
    public boolean fail(Throwable failure, boolean interrupt, Runnable announce) {
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(announce, "announce");
        List<Runnable> actions;
        synchronized (this) {
            if (ended) {
                return false;
            }
            if (refusals > 0) {
                refusals--;
                return false;
            }
            ended = true;
            actions = List.copyOf(endActions);
            endActions.clear();
        }
        // The scheduler's order: the announcement, then the attempt is abandoned, then the end actions.
        announce.run();
        Thread thread;
        synchronized (this) {
            this.failure = failure;
            this.interruptRequested = interrupt;
            thread = runner;
        }
        if (interrupt && thread != null) {
            thread.interrupt();
        }
        actions.forEach(Runnable::run);
        return true;
    }

    /**
     * Ends the scope as the scheduler does when its last attempt completes, running the end
     * actions on this thread.
     *
     * @return true if this ended the scope, false if it had already ended
     */
    public boolean end() {
        List<Runnable> actions;
        synchronized (this) {
            if (ended) {
                return false;
            }
            ended = true;
            actions = List.copyOf(endActions);
            endActions.clear();
        }
        actions.forEach(Runnable::run);
        return true;
    }

    @Override
    public void onEnd(Runnable action) {
        Objects.requireNonNull(action, "action");
        synchronized (this) {
            if (!ended) {
                endActions.add(action);
                return;
            }
        }
        action.run();
    }

    @Override
    public synchronized boolean isEnded() {
        return ended;
    }

    /**
     * Makes the next {@code count} calls of {@link #fail} return false without ending the scope,
     * as the scheduler does while an attempt has completed and its retry has not yet begun.
     *
     * @param count how many failures to refuse; not negative
     * @return this scope
     * @throws IllegalArgumentException if negative
     */
    public synchronized FakeCallScope refuseFailures(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, got " + count);
        }
        refusals = count;
        return this;
    }

    /**
     * The failure that ended the scope.
     *
     * @return what {@link #fail} ended it with, empty if it has not been failed (or ended by {@link #end()})
     */
    public synchronized Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    /**
     * Whether the {@link #fail} that ended the scope asked to interrupt the attempt's thread.
     *
     * @return the {@code interrupt} argument of the failing call, false if none ended the scope
     */
    public synchronized boolean interruptRequested() {
        return interruptRequested;
    }

    /** Called by {@link FakeInvocation}: the thread running an attempt in this scope, or null when none. */
    synchronized void running(Thread thread) {
        runner = thread;
    }

    @Override
    public synchronized String toString() {
        return "FakeCallScope[" + (ended ? "ended" + (failure == null ? "" : " by " + failure) : "open") + "]";
    }
}
