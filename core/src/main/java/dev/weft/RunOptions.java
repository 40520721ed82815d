package dev.weft;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@code run()} runs: AMLTK's {@code timeout}, {@code end_on_empty}, {@code wait},
 * {@code on_exception} and {@code on_cancelled}. Immutable; each method returns new options.
 *
 * <table>
 *   <caption>Options and defaults</caption>
 *   <tr><th>option</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@link #timeout(Duration)}</td><td>none</td><td>end with {@code TIMEOUT} this long after
 *       {@code run()} began</td></tr>
 *   <tr><td>{@link #endOnEmpty(boolean)}</td><td>true</td><td>end with {@code EXHAUSTED} when the queue is
 *       empty after the {@code empty} handlers ran</td></tr>
 *   <tr><td>{@link #waitForCalls(boolean)}</td><td>true</td><td>at the end, wait for running calls; false
 *       cancels them and interrupts their threads</td></tr>
 *   <tr><td>{@link #onException(ExceptionPolicy)}</td><td>RAISE</td><td>what a failed call or a throwing
 *       callback does</td></tr>
 *   <tr><td>{@link #onCancelled(Action)}</td><td>RAISE</td><td>what a cancelled call does</td></tr>
 * </table>
 *
 * @since 0.1
 */
public final class RunOptions {

    private static final RunOptions DEFAULTS = new RunOptions(null, true, true,
            ExceptionPolicy.always(Action.RAISE), Action.RAISE);

    private final Duration timeout;
    private final boolean endOnEmpty;
    private final boolean waitForCalls;
    private final ExceptionPolicy onException;
    private final Action onCancelled;

    private RunOptions(Duration timeout, boolean endOnEmpty, boolean waitForCalls, ExceptionPolicy onException,
            Action onCancelled) {
        this.timeout = timeout;
        this.endOnEmpty = endOnEmpty;
        this.waitForCalls = waitForCalls;
        this.onException = onException;
        this.onCancelled = onCancelled;
    }

    /** @return the defaults */
    public static RunOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Ends the run with {@code TIMEOUT} this long after {@code run()} began.
     *
     * @param limit positive; never {@code null}
     * @return new options
     * @throws IllegalArgumentException if not positive, naming {@code timeout}
     */
    public RunOptions timeout(Duration limit) {
        Objects.requireNonNull(limit, "timeout");
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + limit);
        }
        return new RunOptions(limit, endOnEmpty, waitForCalls, onException, onCancelled);
    }

    /** @param end whether the run ends when the queue is empty @return new options */
    public RunOptions endOnEmpty(boolean end) {
        return new RunOptions(timeout, end, waitForCalls, onException, onCancelled);
    }

    /** @param wait whether the end of the run waits for running calls @return new options */
    public RunOptions waitForCalls(boolean wait) {
        return new RunOptions(timeout, endOnEmpty, wait, onException, onCancelled);
    }

    /** @param policy what failed calls and throwing callbacks do; never {@code null} @return new options */
    public RunOptions onException(ExceptionPolicy policy) {
        return new RunOptions(timeout, endOnEmpty, waitForCalls, Objects.requireNonNull(policy, "onException"),
                onCancelled);
    }

    /** @param action the same action for every exception; never {@code null} @return new options */
    public RunOptions onException(Action action) {
        return onException(ExceptionPolicy.always(action));
    }

    /** @param action what a cancelled call does; never {@code null} @return new options */
    public RunOptions onCancelled(Action action) {
        return new RunOptions(timeout, endOnEmpty, waitForCalls, onException,
                Objects.requireNonNull(action, "onCancelled"));
    }

    /** @return the timeout, if set */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /** @return whether the run ends when the queue is empty */
    public boolean endOnEmpty() {
        return endOnEmpty;
    }

    /** @return whether the end of the run waits for running calls */
    public boolean waitForCalls() {
        return waitForCalls;
    }

    /** @return the exception policy */
    public ExceptionPolicy onException() {
        return onException;
    }

    /** @return the cancellation action */
    public Action onCancelled() {
        return onCancelled;
    }
}
