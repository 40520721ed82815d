package dev.weft.plugin.timeout;

import dev.weft.api.Durations;
import dev.weft.api.OptionException;
import dev.weft.api.Options;
import java.time.Duration;
import java.util.Objects;

/**
 * The {@code timeout} plugin's settings. Immutable and thread-safe.
 *
 * @param limit how long a call scope may run, counted from when it starts running; positive;
 *     never {@code null}
 * @param interrupt whether to interrupt the worker thread when the limit hits
 * @since 0.1
 */
public record TimeoutConfig(Duration limit, boolean interrupt) {

    /**
     * Checks the limit.
     *
     * @throws OptionException naming {@code limit} if it is missing, zero or negative
     */
    public TimeoutConfig {
        if (limit == null) {
            throw new OptionException(TimeoutPluginFactory.LIMIT, "option 'limit' is required: how long a call may run, "
                    + "such as 2s");
        }
        if (limit.isZero() || limit.isNegative()) {
            throw new OptionException(TimeoutPluginFactory.LIMIT, "option 'limit' must be greater than zero, got "
                    + (limit.isNegative() ? limit.toString() : Durations.format(limit)));
        }
    }

    /**
     * Reads the settings from checked options.
     *
     * @param options options checked against {@link TimeoutPluginFactory#options()}; never {@code null}
     * @return the settings
     * @throws OptionException naming {@code limit} if it is missing or not positive
     */
    public static TimeoutConfig from(Options options) {
        Objects.requireNonNull(options, "options");
        return new TimeoutConfig(options.duration(TimeoutPluginFactory.LIMIT).orElse(null),
                options.bool(TimeoutPluginFactory.INTERRUPT).orElse(true));
    }
}
