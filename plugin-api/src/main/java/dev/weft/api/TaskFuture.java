package dev.weft.api;

import java.util.Optional;

/**
 * One submitted call: its identity, its state and, once it ended, its outcome.
 *
 * <p>A call spans all of its attempts: when a plugin retries it, it stays the same
 * {@code TaskFuture}, and its terminal event fires once, after the last attempt.
 *
 * <h2>Threading</h2>
 * Every method may be called from any thread. The state changes on the scheduler's loop thread,
 * except that {@link #cancel()} takes effect at once.
 *
 * <p>Not intended to be implemented by clients.
 *
 * @param <R> the result type
 * @since 0.1
 */
public interface TaskFuture<R> {

    /**
     * A number unique within the scheduler, increasing in submission order.
     *
     * @return the call id
     */
    long id();

    /**
     * The name of the task that submitted the call, or {@code "submit"} for a raw call made with
     * the scheduler's {@code submit(fn, arg)}.
     *
     * @return the task name, never {@code null}
     */
    String taskName();

    /**
     * The argument the call was submitted with.
     *
     * @return the argument; may be {@code null}
     */
    Object argument();

    /**
     * The current state.
     *
     * @return the state, never {@code null}
     */
    CallState state();

    /**
     * How many attempts have started so far (1 unless a plugin retried the call).
     *
     * @return the number of attempts started, 0 before the first starts
     */
    int attempts();

    /**
     * Whether the call has ended.
     *
     * @return true once the state is terminal
     */
    default boolean isDone() {
        return state().isTerminal();
    }

    /**
     * The result, once the call succeeded.
     *
     * @return the result, empty unless the state is {@link CallState#SUCCEEDED} (or the result is {@code null})
     */
    Optional<R> result();

    /**
     * The exception, once the call failed.
     *
     * @return the exception, empty unless the state is {@link CallState#FAILED}
     */
    Optional<Throwable> exception();

    /**
     * Cancels the call: a running attempt's thread is interrupted, a pending retry is dropped.
     * The call then ends with the {@code cancelled} events, delivered on the loop.
     *
     * @return true if this cancelled the call, false if it had already ended
     */
    boolean cancel();
}
