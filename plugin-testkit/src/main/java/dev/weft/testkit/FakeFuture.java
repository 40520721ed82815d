package dev.weft.testkit;

import dev.weft.api.CallState;
import dev.weft.api.TaskFuture;
import java.util.Objects;
import java.util.Optional;

/**
 * A call as plugins see it ({@link TaskFuture}), whose state a test moves by hand.
 *
 * <p>It starts {@link CallState#PENDING} with no attempt; {@link #start()} begins an attempt,
 * {@link #succeed}, {@link #fail} and {@link #cancel()} end it. Nothing happens on its own: no
 * event is emitted and no function runs. Thread-safe.
 *
 * @since 0.1
 */
public final class FakeFuture implements TaskFuture<Object> {

    private final long id;
    private final String taskName;
    private final Object argument;
    private CallState state = CallState.PENDING;
    private int attempts;
    private Object result;
    private Throwable exception;

    /**
     * Creates a pending call.
     *
     * @param id the call id, as the events about it carry it
     * @param taskName the task that submitted it; never {@code null}
     * @param argument its argument; may be {@code null}
     */
    public FakeFuture(long id, String taskName, Object argument) {
        this.id = id;
        this.taskName = Objects.requireNonNull(taskName, "taskName");
        this.argument = argument;
    }

    /**
     * Creates a pending call without an argument.
     *
     * @param id the call id
     * @param taskName the task that submitted it; never {@code null}
     */
    public FakeFuture(long id, String taskName) {
        this(id, taskName, null);
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public String taskName() {
        return taskName;
    }

    @Override
    public Object argument() {
        return argument;
    }

    @Override
    public synchronized CallState state() {
        return state;
    }

    @Override
    public synchronized int attempts() {
        return attempts;
    }

    /**
     * The result, once {@link #succeed} ended the call; empty for a {@code null} result.
     *
     * @return the result, if any
     */
    @Override
    public synchronized Optional<Object> result() {
        return state == CallState.SUCCEEDED ? Optional.ofNullable(result) : Optional.empty();
    }

    @Override
    public synchronized Optional<Throwable> exception() {
        return state == CallState.FAILED ? Optional.of(exception) : Optional.empty();
    }

    /**
     * Begins an attempt: the call is {@link CallState#RUNNING} and its attempt count rises.
     *
     * @return this call
     * @throws IllegalStateException if the call has ended
     */
    public synchronized FakeFuture start() {
        requireNotEnded("start");
        state = CallState.RUNNING;
        attempts++;
        return this;
    }

    /**
     * Ends the call with a result.
     *
     * @param value what the function returned; may be {@code null}
     * @return this call
     * @throws IllegalStateException if the call has ended
     */
    public synchronized FakeFuture succeed(Object value) {
        requireNotEnded("succeed");
        state = CallState.SUCCEEDED;
        result = value;
        return this;
    }

    /**
     * Ends the call with an exception.
     *
     * @param error why it failed; never {@code null}
     * @return this call
     * @throws IllegalStateException if the call has ended
     */
    public synchronized FakeFuture fail(Throwable error) {
        Objects.requireNonNull(error, "error");
        requireNotEnded("fail");
        state = CallState.FAILED;
        exception = error;
        return this;
    }

    /**
     * Cancels the call, as a user or a plugin would: it is {@link CallState#CANCELLED} at once.
     *
     * @return true if this cancelled the call, false if it had already ended
     */
    @Override
    public synchronized boolean cancel() {
        if (state.isTerminal()) {
            return false;
        }
        state = CallState.CANCELLED;
        return true;
    }

    private void requireNotEnded(String action) {
        if (state.isTerminal()) {
            throw new IllegalStateException("cannot " + action + " call " + id + ": it already ended " + state);
        }
    }

    @Override
    public synchronized String toString() {
        return "FakeFuture#" + id + "[" + taskName + "(" + argument + ") " + state + "]";
    }
}
