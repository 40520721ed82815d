package dev.weft.core.engine;

import dev.weft.api.Cancellable;
import dev.weft.api.ExceptionEvent;
import dev.weft.api.PluginException;
import dev.weft.api.ResultEvent;
import dev.weft.api.SchedulerEvents;
import dev.weft.api.TaskEvents;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What happens on the loop when an attempt's outcome arrives: the plugins outside the failure
 * decide on a retry (inner to outer), or the call ends and its terminal events are delivered,
 * the scheduler's first, then its task's, then the run's policies are applied.
 */
final class Outcomes {

    private final Engine engine;

    Outcomes(Engine engine) {
        this.engine = engine;
    }

    void handle(Call call, Outcome outcome) {
        if (call.finished) {
            return;
        }
        Outcome.Failed scopeFailure = call.takeScopeFailure();
        if (scopeFailure != null && outcome instanceof Outcome.Failed inner && inner.origin() > scopeFailure.origin()) {
            // A plugin ended its scope while the attempt's own failure was on its way: the scope's
            // failure wins, so no plugin inside that scope retries.
            call.addCause(inner.error());
            outcome = scopeFailure;
        }
        if (outcome instanceof Outcome.Failed failed) {
            Throwable error = failed.error();
            if (call.lastCause() != error) {
                call.addCause(error);
            }
            if (engine.retriesAllowed() && !(error instanceof Error)) {
                for (int i = failed.origin() - 1; i >= 0; i--) {
                    FailureContext failure = new FailureContext(call, error, call.scope(i));
                    try {
                        call.plugin(i).onFailure(failure);
                    } catch (Throwable e) {
                        if (Faults.isFatal(e)) {
                            throw (Error) e;
                        }
                        PluginException fault = new PluginException(call.pluginName(i), "onFailure", "threw " + e, e);
                        engine.pluginError(call.taskName(), call.pluginName(i), "onFailure", fault);
                        call.addCause(fault);
                        finish(call, new Outcome.Failed(fault, i));
                        return;
                    }
                    if (failure.retryDelay() != null) {
                        scheduleRetry(call, i, failure.retryDelay());
                        return;
                    }
                }
            }
        }
        finish(call, outcome);
    }

    private static ResultEvent resultEvent(Call call) {
        return new ResultEvent(call, call.resultValue());
    }

    private static ExceptionEvent exceptionEvent(Call call) {
        return new ExceptionEvent(call, call.exceptionValue());
    }

    private void scheduleRetry(Call call, int retryingIndex, Duration delay) {
        call.endScopes(retryingIndex + 1);
        AtomicReference<Cancellable> timer = new AtomicReference<>();
        timer.set(engine.clock().schedule(delay, () -> engine.post(Inbox.Kind.CALLBACK, () -> {
            if (call.takeRetry(timer.get())) {
                engine.dispatch(call);
            }
        })));
        Outcome.Failed scopeFailure = call.awaitRetry(timer.get(), retryingIndex);
        if (scopeFailure != null) {
            engine.postOutcome(call, scopeFailure);
        }
    }

    void finish(Call call, Outcome outcome) {
        call.markEnding();
        call.finished = true;
        call.endScopes(0);
        engine.forget(call);
        TaskRuntime task = call.task();
        if (outcome instanceof Outcome.Success success) {
            call.succeed(success.value());
            engine.emitForCall(engine.bus(), SchedulerEvents.FUTURE_DONE, call, Call::asEvent);
            engine.emitForCall(engine.bus(), SchedulerEvents.FUTURE_RESULT, call, Outcomes::resultEvent);
            if (task != null) {
                task.dequeue(call);
                engine.emitForCall(task.bus(), TaskEvents.DONE, call, Call::asEvent);
                engine.emitForCall(task.bus(), TaskEvents.RESULT, call, Outcomes::resultEvent);
            }
        } else if (outcome instanceof Outcome.Failed failed) {
            Throwable error = failed.error();
            for (Throwable earlier : call.causes()) {
                if (earlier != error) {
                    error.addSuppressed(earlier);
                }
            }
            call.fail(error);
            engine.emitForCall(engine.bus(), SchedulerEvents.FUTURE_DONE, call, Call::asEvent);
            engine.emitForCall(engine.bus(), SchedulerEvents.FUTURE_EXCEPTION, call, Outcomes::exceptionEvent);
            if (task != null) {
                task.dequeue(call);
                engine.emitForCall(task.bus(), TaskEvents.DONE, call, Call::asEvent);
                engine.emitForCall(task.bus(), TaskEvents.EXCEPTION, call, Outcomes::exceptionEvent);
            }
            engine.ending().exceptionThrown(error, call.toString(), engine.options());
        } else if (outcome instanceof Outcome.Cancelled cancelled) {
            call.cancelled();
            engine.emitForCall(engine.bus(), SchedulerEvents.FUTURE_CANCELLED, call, Call::asEvent);
            if (task != null) {
                task.dequeue(call);
                engine.emitForCall(task.bus(), TaskEvents.CANCELLED, call, Call::asEvent);
            }
            if (!cancelled.byShutdown()) {
                engine.ending().callCancelled(call, engine.options());
            }
        }
    }
}
