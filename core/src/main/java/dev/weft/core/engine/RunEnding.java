package dev.weft.core.engine;

import dev.weft.Action;
import dev.weft.ExitState;
import dev.weft.RunFailedException;
import dev.weft.RunOptions;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the current run will end: the first stop requested (by {@code stop()} or by the
 * exception and cancellation policies) and the first exception to raise from {@code run()}.
 * Thread-safe: any thread may stop a run; the loop reads the outcome.
 */
final class RunEnding {

    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    /** Who stopped the run, which decides its exit code. */
    enum Kind { USER, EXCEPTION, CANCELLED }

    /** The stop that ends the run. */
    record Stop(String reason, Throwable cause, Kind kind) {
    }

    /** What the engine does once a stop is accepted: stop taking submissions and wake the loop. */
    interface Stopping {
        /** @return whether the run still accepts a stop */
        boolean running();

        /** Called under this object's lock when a stop is accepted. */
        void stopAccepted();

        /** Called after the lock is released, from the requesting thread. */
        void afterStop();
    }

    private final Stopping engine;
    // Written under this lock, read without it by the loop on every turn.
    private volatile Stop stop;
    private Throwable raise;

    RunEnding(Stopping engine) {
        this.engine = engine;
    }

    synchronized void reset() {
        stop = null;
        raise = null;
    }

    Stop stop() {
        return stop;
    }

    /** Requests a stop; the first one while running wins. An exception to raise is kept in any case. */
    void request(String reason, Throwable cause, Kind kind, boolean raiseIt) {
        synchronized (this) {
            if (raiseIt && raise == null) {
                raise = cause;
            }
            if (stop != null || !engine.running()) {
                return;
            }
            stop = new Stop(reason, cause, kind);
            engine.stopAccepted();
        }
        engine.afterStop();
    }

    /** A call or callback threw: apply the exception policy ({@link Error}s always stop and raise). */
    void exceptionThrown(Throwable error, String what, RunOptions options) {
        if (error instanceof Error) {
            LOG.error("{} threw {}; an Error always stops the run", what, error.toString());
            request(what + " threw " + error, error, Kind.EXCEPTION, true);
            return;
        }
        Action action = options.onException().actionFor(error);
        switch (action) {
            case CONTINUE -> LOG.debug("{} threw {}; continuing", what, error.toString());
            case END -> {
                LOG.warn("{} threw {}; ending the run", what, error.toString());
                request(what + " threw " + error, error, Kind.EXCEPTION, false);
            }
            case RAISE -> {
                LOG.warn("{} threw {}; stopping the run to raise it", what, error.toString());
                request(what + " threw " + error, error, Kind.EXCEPTION, true);
            }
        }
    }

    /** A call was cancelled: apply the cancellation policy. */
    void callCancelled(Call call, RunOptions options) {
        Action action = options.onCancelled();
        if (action == Action.CONTINUE) {
            return;
        }
        CancellationException cancelled = new CancellationException(call + " was cancelled");
        request("ending on the cancellation of " + call, cancelled, Kind.CANCELLED, action == Action.RAISE);
    }

    /**
     * How {@code run()} ends: it raises the first exception the policy said to raise, else
     * reports the stop, else the reason the loop ended.
     */
    ExitState exitState(ExitState.Code reason) {
        Throwable toRaise;
        Stop s;
        synchronized (this) {
            toRaise = raise;
            s = stop;
        }
        if (toRaise != null) {
            throw rethrow(toRaise);
        }
        if (s != null) {
            Optional<Throwable> cause = Optional.ofNullable(s.cause());
            return switch (s.kind()) {
                case USER -> new ExitState(ExitState.Code.STOPPED, cause);
                case EXCEPTION -> new ExitState(ExitState.Code.EXCEPTION, cause);
                case CANCELLED -> new ExitState(ExitState.Code.CANCELLED, cause);
            };
        }
        return ExitState.of(reason);
    }

    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new RunFailedException(t);
    }
}
