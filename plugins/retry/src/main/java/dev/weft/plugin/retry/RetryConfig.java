package dev.weft.plugin.retry;

import dev.weft.api.Durations;
import dev.weft.api.OptionException;
import dev.weft.api.Options;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The retry plugin's settings, checked when made. A configuration file and Java code produce the
 * same record.
 *
 * <h2>Delays</h2>
 * After failed attempt {@code n} the next attempt waits
 * {@code min(backoff * multiplier^(n-1), max-backoff)}, varied at random by up to
 * {@code ±jitter} of itself and then capped at {@code max-backoff} again, so
 * {@code max-backoff} is a hard ceiling.
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxAttempts the most attempts per call, the first included; at least 1
 * @param backoff the delay before the first retry; not negative; never {@code null}
 * @param multiplier what each delay is multiplied by for the next; at least 1
 * @param maxBackoff the longest delay, if capped; at least {@code backoff}; never {@code null}
 * @param jitter the fraction by which each delay varies at random, 0 to 1
 * @param maxDuration a time budget for all attempts of a call, counted from the start of the
 *     first: no retry is scheduled whose delay would end past it; never {@code null}
 * @param retryOn the failures to retry, by class name (the failure's class or a superclass);
 *     empty for any {@link Exception}; never {@code null}
 * @param abortOn the failures that end the call at once, by class name; checked before
 *     {@code retryOn}; never {@code null}
 * @since 0.1
 */
public record RetryConfig(int maxAttempts, Duration backoff, double multiplier, Optional<Duration> maxBackoff,
        double jitter, Optional<Duration> maxDuration, List<String> retryOn, List<String> abortOn) {

    /** Option {@code max-attempts}. */
    public static final String MAX_ATTEMPTS = "max-attempts";
    /** Option {@code backoff}. */
    public static final String BACKOFF = "backoff";
    /** Option {@code multiplier}. */
    public static final String MULTIPLIER = "multiplier";
    /** Option {@code max-backoff}. */
    public static final String MAX_BACKOFF = "max-backoff";
    /** Option {@code jitter}. */
    public static final String JITTER = "jitter";
    /** Option {@code max-duration}. */
    public static final String MAX_DURATION = "max-duration";
    /** Option {@code retry-on}. */
    public static final String RETRY_ON = "retry-on";
    /** Option {@code abort-on}. */
    public static final String ABORT_ON = "abort-on";

    /** Default of {@code max-attempts}. */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    /** Default of {@code backoff}. */
    public static final Duration DEFAULT_BACKOFF = Duration.ofMillis(100);
    /** Default of {@code multiplier}. */
    public static final double DEFAULT_MULTIPLIER = 2;

    /**
     * Checks the settings.
     *
     * @throws OptionException with a problem for each option at fault
     */
    public RetryConfig {
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxDuration, "maxDuration");
        Objects.requireNonNull(retryOn, "retryOn");
        Objects.requireNonNull(abortOn, "abortOn");
        List<OptionException.Problem> problems = new ArrayList<>();
        if (maxAttempts < 1) {
            problems.add(fault(MAX_ATTEMPTS, "must be at least 1 (the first attempt counts), got " + maxAttempts));
        }
        if (backoff.isNegative()) {
            problems.add(fault(BACKOFF, "must not be negative, got " + backoff));
        }
        if (!(multiplier >= 1) || Double.isInfinite(multiplier)) {
            problems.add(fault(MULTIPLIER, "must be a number of at least 1, got " + multiplier));
        }
        // Compared only with a valid backoff, so that one wrong value is not reported twice.
        if (!backoff.isNegative() && maxBackoff.isPresent() && maxBackoff.get().compareTo(backoff) < 0) {
            problems.add(fault(MAX_BACKOFF, "(" + Durations.format(maxBackoff.get())
                    + ") must be at least backoff (" + Durations.format(backoff) + ")"));
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            problems.add(fault(JITTER, "must be a fraction from 0 to 1, got " + jitter));
        }
        if (maxDuration.isPresent() && (maxDuration.get().isNegative() || maxDuration.get().isZero())) {
            problems.add(fault(MAX_DURATION, "must be positive, got " + Durations.format(maxDuration.get())));
        }
        classNames(RETRY_ON, retryOn, problems);
        classNames(ABORT_ON, abortOn, problems);
        if (!problems.isEmpty()) {
            throw new OptionException(problems);
        }
        retryOn = List.copyOf(retryOn);
        abortOn = List.copyOf(abortOn);
    }

    /**
     * The defaults: 3 attempts, 100ms then doubling, no cap, no jitter, no budget, retry on any
     * {@link Exception}.
     *
     * @return the settings
     */
    public static RetryConfig defaults() {
        return new RetryConfig(DEFAULT_MAX_ATTEMPTS, DEFAULT_BACKOFF, DEFAULT_MULTIPLIER, Optional.empty(), 0,
                Optional.empty(), List.of(), List.of());
    }

    /**
     * Reads the settings from checked options; unset options take their defaults.
     *
     * @param options options parsed against {@link RetryFactory#options()}; never {@code null}
     * @return the settings
     * @throws OptionException naming the option at fault
     */
    public static RetryConfig from(Options options) {
        Objects.requireNonNull(options, "options");
        return new RetryConfig(
                options.integer(MAX_ATTEMPTS).orElse(DEFAULT_MAX_ATTEMPTS),
                options.duration(BACKOFF).orElse(DEFAULT_BACKOFF),
                options.decimal(MULTIPLIER).orElse(DEFAULT_MULTIPLIER),
                options.duration(MAX_BACKOFF),
                options.decimal(JITTER).orElse(0.0),
                options.duration(MAX_DURATION),
                options.strings(RETRY_ON),
                options.strings(ABORT_ON));
    }

    /**
     * The delay after failed attempt {@code attempt}, before jitter: exponential, capped.
     *
     * @param attempt the failed attempt's number, 1 for the first
     * @return the delay in nanoseconds
     */
    long baseDelayNanos(int attempt) {
        // In doubles: backoff * multiplier^(n-1) overflows a long after a few dozen attempts.
        double nanos = backoff.toNanos() * Math.pow(multiplier, attempt - 1);
        return capNanos(nanos);
    }

    /**
     * Caps a delay at {@code max-backoff}, and at a bound that keeps clock arithmetic from
     * overflowing when there is no cap.
     */
    long capNanos(double nanos) {
        double cap = maxBackoff.map(d -> (double) d.toNanos()).orElse((double) (Long.MAX_VALUE / 4));
        return Math.round(Math.max(0, Math.min(nanos, cap)));
    }

    private static void classNames(String option, List<String> names, List<OptionException.Problem> problems) {
        for (String name : names) {
            if (name.isBlank() || name.chars().anyMatch(Character::isWhitespace)) {
                problems.add(fault(option, "holds '" + name + "', which is not a class name"));
            }
        }
    }

    private static OptionException.Problem fault(String option, String problem) {
        return new OptionException.Problem(option, "option '" + option + "' " + problem);
    }
}
