package dev.weft.api;

import java.util.function.Supplier;

/**
 * The part of a call one plugin wraps: everything from the plugin inwards. Outside a retrying
 * plugin it spans every attempt; inside it, one attempt.
 *
 * <h2>Threading</h2>
 * Thread-safe: a timer may call {@link #fail} while the worker runs.
 *
 * <p>Not intended to be implemented by clients.
 *
 * @since 0.1
 */
public interface CallScope {

    /** @return the clock reading when the scope began (its first attempt started) */
    long startNanos();

    /**
     * This plugin's state for the scope, made on first use.
     *
     * @param initial makes the state; never {@code null}
     * @param <S> the state type
     * @return the state, the same object for the scope's whole life
     */
    <S> S state(Supplier<S> initial);

    /**
     * Ends the scope now with a failure: the running attempt is abandoned (its thread interrupted
     * if asked) and a pending retry inside the scope is dropped. The failure is then offered
     * to the plugins outside this one. The abandoned function keeps its thread until it returns.
     *
     * @param failure the failure; never {@code null}
     * @param interrupt whether to interrupt the thread running the attempt
     * @return true if this ended the scope, false if it had already ended
     */
    default boolean fail(Throwable failure, boolean interrupt) {
        return fail(failure, interrupt, () -> { });
    }

    /**
     * Ends the scope like {@link #fail(Throwable, boolean)}, first running {@code announce} if
     * (and only if) the scope is indeed ended by this call. Events the announcement emits reach
     * the loop before the failure does, and before the run can end: emit the event that says
     * why (such as {@code timeout}) here rather than after {@code fail} returns.
     *
     * @param failure the failure; never {@code null}
     * @param interrupt whether to interrupt the thread running the attempt
     * @param announce a short action that must not block, typically an emit; never {@code null}
     * @return true if this ended the scope, false if it had already ended
     */
    boolean fail(Throwable failure, boolean interrupt, Runnable announce);

    /**
     * Runs an action when the scope ends, however it ends. If it already ended, runs it now.
     * When a thread other than the loop ends the scope ({@link #fail} from a timer or a worker),
     * its end actions run there after the failure is on its way to the loop: they may run after
     * the call's terminal event, and after {@code run()} has returned. Do not count on them for
     * anything the run's last events must see.
     *
     * @param action a short action; it runs on the thread that ends the scope; never {@code null}
     */
    void onEnd(Runnable action);

    /** @return whether the scope has ended */
    boolean isEnded();
}
