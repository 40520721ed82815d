package dev.weft.core.engine;

import dev.weft.api.CallState;
import dev.weft.api.Cancellable;
import dev.weft.api.FutureEvent;
import dev.weft.api.TaskFuture;
import dev.weft.api.TaskPlugin;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One submitted call across all of its attempts. The loop thread owns its outcome; the fields a
 * timer or a cancelling thread may touch (current attempt, pending retry, scopes) are guarded by
 * this object's lock.
 */
public final class Call implements TaskFuture<Object> {

    /** Shared by every call without plugins: an empty array has nothing to guard. */
    private static final Scope[] NO_SCOPES = {};

    private final Engine engine;
    private final long id;
    private final TaskRuntime task;
    private final Object argument;
    private final CallFunction function;
    private final List<PluginSlot> plugins;
    // One payload for all of this call's future events: records are immutable, so they can share
    // it. Made when first needed; a race can only make two equal ones.
    private FutureEvent event;

    private volatile CallState state = CallState.PENDING;
    private volatile int attempts;
    private volatile Object result;
    private volatile Throwable exception;

    // Guarded by this.
    private Attempt current;
    private Cancellable pendingRetry;
    private final Scope[] scopes;
    private boolean ending;
    private Outcome.Failed scopeFailure;

    // Links of the lists of calls in flight; changed by the loop only (see CallList).
    Call prevInRun;
    Call nextInRun;
    Call prevInTask;
    Call nextInTask;

    // Loop thread only. Made on the first failure: most calls never fail.
    private List<Throwable> causes;
    boolean finished;

    /** The function a call runs, with its argument type erased. */
    @FunctionalInterface
    public interface CallFunction {
        /** @return the result */
        Object apply(Object argument) throws Exception;
    }

    Call(Engine engine, long id, TaskRuntime task, Object argument, CallFunction function, List<PluginSlot> plugins) {
        this.engine = engine;
        this.id = id;
        this.task = task;
        this.argument = argument;
        this.function = function;
        this.plugins = plugins;
        this.scopes = plugins.isEmpty() ? NO_SCOPES : new Scope[plugins.size()];
    }

    /** @return the payload of this call's submitted, done and cancelled events */
    FutureEvent asEvent() {
        FutureEvent e = event;
        if (e == null) {
            e = new FutureEvent(this);
            event = e;
        }
        return e;
    }

    /** @return the result, once the call succeeded; without an Optional */
    Object resultValue() {
        return result;
    }

    /** @return the exception, once the call failed; without an Optional */
    Throwable exceptionValue() {
        return exception;
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public String taskName() {
        return task == null ? "submit" : task.name();
    }

    @Override
    public Object argument() {
        return argument;
    }

    @Override
    public CallState state() {
        return state;
    }

    @Override
    public int attempts() {
        return attempts;
    }

    @Override
    public Optional<Object> result() {
        return Optional.ofNullable(result);
    }

    @Override
    public Optional<Throwable> exception() {
        return Optional.ofNullable(exception);
    }

    @Override
    public boolean cancel() {
        synchronized (this) {
            if (ending || state.isTerminal()) {
                return false;
            }
            if (current != null && current.isActive()) {
                return current.abandon(new Outcome.Cancelled("cancelled by the user", false), true);
            }
            if (pendingRetry != null) {
                pendingRetry.cancel();
                pendingRetry = null;
                engine.postOutcome(this, new Outcome.Cancelled("cancelled by the user", false));
                return true;
            }
            return false;
        }
    }

    TaskRuntime task() {
        return task;
    }

    CallFunction function() {
        return function;
    }

    int chainLength() {
        return plugins.size();
    }

    TaskPlugin plugin(int index) {
        return plugins.get(index).plugin();
    }

    String pluginName(int index) {
        return plugins.get(index).name();
    }

    Scope scope(int index) {
        synchronized (this) {
            if (ending) {
                // An abandoned attempt still unwinding after its call ended: give it a scope that
                // is already over, so a timer it sets is cancelled at once and fail() refuses.
                Scope over = new Scope(this, index, engine.clock().nanoTime());
                over.end();
                return over;
            }
            if (scopes[index] == null) {
                scopes[index] = new Scope(this, index, engine.clock().nanoTime());
            }
            return scopes[index];
        }
    }

    /**
     * Starts a new attempt; loop thread. Every plugin's {@code around} wraps every attempt; only
     * the scopes inside a retrying plugin are new (they were ended when it decided to retry).
     */
    Attempt newAttempt() {
        synchronized (this) {
            Attempt attempt = new Attempt(this, ++attempts);
            current = attempt;
            if (state != CallState.PENDING) {
                // Only a retry changes it back; a volatile write costs a fence on every first attempt.
                state = CallState.PENDING;
            }
            return attempt;
        }
    }

    void attemptStarted(Attempt attempt) {
        synchronized (this) {
            // A cancel can end the attempt, and the loop the call, before the worker gets here:
            // a late start must not overwrite the call's terminal state.
            if (!ending && current == attempt && attempt.isActive()) {
                state = CallState.RUNNING;
            }
        }
        if (task != null) {
            task.attemptStarted();
        }
    }

    void attemptEnded(Attempt attempt, boolean wasRunning, Outcome outcome) {
        if (wasRunning && task != null) {
            task.attemptEnded();
        }
        engine.attemptEnded(this, outcome);
    }

    /**
     * Holds a retry timer until it fires; loop thread. If a scope around the retrying plugin
     * failed in the meantime, the retry is dropped and that failure returned, to be posted.
     */
    Outcome.Failed awaitRetry(Cancellable timer, int retryingIndex) {
        synchronized (this) {
            if (scopeFailure != null && scopeFailure.origin() <= retryingIndex) {
                timer.cancel();
                Outcome.Failed failure = scopeFailure;
                scopeFailure = null;
                return failure;
            }
            state = CallState.PENDING;
            pendingRetry = timer;
            return null;
        }
    }

    /** @return a scope failure that arrived between attempts, to apply to the outcome; loop thread */
    Outcome.Failed takeScopeFailure() {
        if (scopes.length == 0) {
            return null; // only a plugin's scope can fail, and there is none: skip the lock
        }
        synchronized (this) {
            Outcome.Failed failure = scopeFailure;
            scopeFailure = null;
            return failure;
        }
    }

    /** @return whether the retry timer is still the pending one (not cancelled or replaced) */
    boolean takeRetry(Cancellable timer) {
        synchronized (this) {
            if (pendingRetry != timer || ending) {
                return false;
            }
            pendingRetry = null;
            return true;
        }
    }

    /** Drops a pending retry so the call ends with its last failure; used at shutdown. */
    boolean dropRetry() {
        synchronized (this) {
            if (pendingRetry == null) {
                return false;
            }
            pendingRetry.cancel();
            pendingRetry = null;
            return true;
        }
    }

    /** Cancels whatever runs or waits, for a run that ends without waiting. */
    void cancelForShutdown() {
        synchronized (this) {
            if (ending || state.isTerminal()) {
                return;
            }
            if (current != null && current.isActive()) {
                current.abandon(new Outcome.Cancelled("the run ended without waiting", true), true);
            }
        }
    }

    boolean failScope(Scope scope, int index, Throwable failure, boolean interrupt, Runnable announce) {
        List<Runnable> actions;
        synchronized (this) {
            if (ending || state.isTerminal() || scopes[index] != scope || scope.isEnded()) {
                return false;
            }
            // Everything below ends the scope; announcing first puts the plugin's events ahead of
            // the outcome in the loop's inbox, so they are delivered before the run can end.
            announce.run();
            Outcome.Failed outcome = new Outcome.Failed(failure, index);
            if (current != null && current.isActive()) {
                if (!current.abandon(outcome, interrupt)) {
                    // The attempt ended on its own a moment ago; its outcome is on the way to the loop.
                    scopeFailure = outcome;
                }
            } else if (pendingRetry != null) {
                pendingRetry.cancel();
                pendingRetry = null;
                engine.postOutcome(this, outcome);
            } else {
                // Between an attempt's end and the loop's decision about it: applied there.
                scopeFailure = outcome;
            }
            actions = endScopesFrom(index);
        }
        actions.forEach(Runnable::run);
        return true;
    }

    /** Ends the scopes of plugins at {@code index} and inside it; returns their end actions. */
    List<Runnable> endScopesFrom(int index) {
        List<Runnable> actions = List.of();
        synchronized (this) {
            for (int i = index; i < scopes.length; i++) {
                if (scopes[i] != null) {
                    List<Runnable> ending = scopes[i].end();
                    // Most scopes have no end actions: a list only when one has.
                    if (actions.isEmpty()) {
                        actions = ending.isEmpty() ? actions : new ArrayList<>(ending);
                    } else {
                        actions.addAll(ending);
                    }
                    scopes[i] = null;
                }
            }
        }
        return actions;
    }

    /** Ends the scopes of plugins at {@code index} and inside it, and runs their end actions outside the lock. */
    void endScopes(int index) {
        if (index >= scopes.length) {
            return; // no plugin there, so no scope: no lock, no list
        }
        for (Runnable action : endScopesFrom(index)) {
            action.run();
        }
    }

    /** Marks the call as ending: cancel and scope failures no longer apply; loop thread. */
    void markEnding() {
        synchronized (this) {
            ending = true;
            scopeFailure = null;
        }
    }

    /** Records a failure of an attempt or a hook; loop thread. */
    void addCause(Throwable error) {
        if (causes == null) {
            causes = new ArrayList<>(1);
        }
        causes.add(error);
    }

    /** @return the failure recorded last, or null; loop thread */
    Throwable lastCause() {
        return causes == null ? null : causes.get(causes.size() - 1);
    }

    /** @return every failure recorded, oldest first; loop thread */
    List<Throwable> causes() {
        return causes == null ? List.of() : causes;
    }

    void succeed(Object value) {
        result = value;
        state = CallState.SUCCEEDED;
    }

    void fail(Throwable error) {
        exception = error;
        state = CallState.FAILED;
    }

    void cancelled() {
        state = CallState.CANCELLED;
    }

    void reportPluginError(String plugin, String hook, Throwable error) {
        engine.pluginError(taskName(), plugin, hook, error);
    }

    @Override
    public String toString() {
        return "Call#" + id + "[" + taskName() + "(" + argument + ") " + state + "]";
    }
}
