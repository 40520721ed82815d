package dev.weft.api;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;

/**
 * How a handler subscribes to an event: AMLTK's {@code when}, {@code every}, {@code repeat},
 * {@code max_calls} and {@code hidden}.
 *
 * <p>Options combine: {@code On.every(2).maxCalls(3)}. On each emission a handler applies them in
 * this order:
 * <ol>
 *   <li>its emission counter rises; with {@code every(n)} it goes on only on emissions
 *       n, 2n, 3n, … (counted from the first emission since it subscribed);</li>
 *   <li>with {@code when(p)}, it goes on only if {@code p} is true; a false {@code when} does not
 *       use up {@code maxCalls};</li>
 *   <li>with {@code maxCalls(m)}, it stops once it has fired m times;</li>
 *   <li>it fires: the callback runs {@code repeat} times, which counts as one call towards
 *       {@code maxCalls}.</li>
 * </ol>
 * {@code hidden()} only keeps the handler out of the rendered event tree; plugins use it for
 * their book-keeping.
 *
 * <p>Values are immutable; each method returns a new one.
 *
 * @since 0.1
 */
public final class On {

    private static final On DEFAULTS = new On(null, 1, 1, 0, false);

    private final BooleanSupplier when;
    private final int every;
    private final int repeat;
    private final int maxCalls;
    private final boolean hidden;

    private On(BooleanSupplier when, int every, int repeat, int maxCalls, boolean hidden) {
        this.when = when;
        this.every = every;
        this.repeat = repeat;
        this.maxCalls = maxCalls;
        this.hidden = hidden;
    }

    /**
     * No options: fire on every emission, once.
     *
     * @return the defaults
     */
    public static On defaults() {
        return DEFAULTS;
    }

    /** @param predicate see {@link #andWhen(BooleanSupplier)} @return options with it */
    public static On when(BooleanSupplier predicate) {
        return DEFAULTS.andWhen(predicate);
    }

    /** @param n see {@link #andEvery(int)} @return options with it */
    public static On every(int n) {
        return DEFAULTS.andEvery(n);
    }

    /** @param times see {@link #andRepeat(int)} @return options with it */
    public static On repeat(int times) {
        return DEFAULTS.andRepeat(times);
    }

    /** @param calls see {@link #maxCalls(int)} @return options with it */
    public static On atMost(int calls) {
        return DEFAULTS.maxCalls(calls);
    }

    /** @return options that keep the handler out of the rendered tree */
    public static On hiddenHandler() {
        return DEFAULTS.hidden();
    }

    /**
     * Fires only when the predicate, asked on the emissions that pass {@code every}, is true.
     *
     * @param predicate the condition; never {@code null}
     * @return new options
     */
    public On andWhen(BooleanSupplier predicate) {
        return new On(Objects.requireNonNull(predicate, "when"), every, repeat, maxCalls, hidden);
    }

    /**
     * Fires only on every n-th emission.
     *
     * @param n at least 1
     * @return new options
     * @throws IllegalArgumentException if {@code n < 1}, naming {@code every}
     */
    public On andEvery(int n) {
        return new On(when, positive("every", n), repeat, maxCalls, hidden);
    }

    /**
     * Runs the callback this many times per firing.
     *
     * @param times at least 1
     * @return new options
     * @throws IllegalArgumentException if {@code times < 1}, naming {@code repeat}
     */
    public On andRepeat(int times) {
        return new On(when, every, positive("repeat", times), maxCalls, hidden);
    }

    /**
     * Fires at most this many times in all.
     *
     * @param calls at least 1
     * @return new options
     * @throws IllegalArgumentException if {@code calls < 1}, naming {@code maxCalls}
     */
    public On maxCalls(int calls) {
        return new On(when, every, repeat, positive("maxCalls", calls), hidden);
    }

    /**
     * Keeps the handler out of the rendered event tree.
     *
     * @return new options
     */
    public On hidden() {
        return new On(when, every, repeat, maxCalls, true);
    }

    /** @return the {@code when} predicate, if set */
    public Optional<BooleanSupplier> whenPredicate() {
        return Optional.ofNullable(when);
    }

    /** @return the {@code every} divisor, 1 by default */
    public int everyN() {
        return every;
    }

    /** @return how many times the callback runs per firing, 1 by default */
    public int repeatTimes() {
        return repeat;
    }

    /** @return the most times the handler fires, empty for no limit */
    public OptionalInt maxCallsLimit() {
        return maxCalls == 0 ? OptionalInt.empty() : OptionalInt.of(maxCalls);
    }

    /** @return whether the handler is kept out of the rendered tree */
    public boolean isHidden() {
        return hidden;
    }

    private static int positive(String option, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(option + " must be at least 1, got " + value);
        }
        return value;
    }

    @Override
    public String toString() {
        return "On[every=" + every + ", repeat=" + repeat + ", maxCalls=" + (maxCalls == 0 ? "none" : maxCalls)
                + ", when=" + (when != null) + ", hidden=" + hidden + "]";
    }
}
