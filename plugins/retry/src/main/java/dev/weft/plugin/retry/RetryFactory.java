package dev.weft.plugin.retry;

import dev.weft.api.EventType;
import dev.weft.api.OptionSpec;
import dev.weft.api.OptionType;
import dev.weft.api.Options;
import dev.weft.api.PluginFactory;
import dev.weft.api.TaskPlugin;
import java.util.List;
import java.util.Objects;

/**
 * Makes retry plugins, one per task.
 *
 * <h2>Options</h2>
 * <ul>
 *   <li>{@code max-attempts} (integer, default 3): the most attempts per call, the first included;</li>
 *   <li>{@code backoff} (duration, default {@code 100ms}): the delay before the first retry;</li>
 *   <li>{@code multiplier} (decimal, default 2): each delay is the previous one times this;</li>
 *   <li>{@code max-backoff} (duration, no cap by default): the longest delay;</li>
 *   <li>{@code jitter} (decimal from 0 to 1, default 0): each delay varies at random by up to this
 *       fraction of itself;</li>
 *   <li>{@code max-duration} (duration, no budget by default): no retry whose delay would end
 *       later than this after the call's first attempt started;</li>
 *   <li>{@code retry-on} (class names, default any {@link Exception}): the failures to retry;</li>
 *   <li>{@code abort-on} (class names, none by default): the failures that end the call at once.</li>
 * </ul>
 * A class name matches a failure whose class, or any superclass, has that name: simple
 * ({@code IOException}) or fully qualified ({@code java.io.IOException}). An {@link Error} is
 * never retried.
 *
 * <h2>Ordering</h2>
 * Only the plugins inside the retry plugin run again: in {@code [retry, timeout]}, which nests
 * as {@code retry(timeout(fn))}, each attempt has its own time limit; in
 * {@code [timeout, retry]} one limit covers all attempts.
 *
 * @see RetryEvents
 * @see RetryConfig
 * @since 0.1
 */
public final class RetryFactory implements PluginFactory {

    /** The plugin's name in configuration files. */
    public static final String NAME = "retry";

    private static final List<OptionSpec> OPTIONS = List.of(
            OptionSpec.of(RetryConfig.MAX_ATTEMPTS, OptionType.INTEGER, "3",
                    "the most attempts per call, the first included (at least 1)"),
            OptionSpec.of(RetryConfig.BACKOFF, OptionType.DURATION, "100ms", "the delay before the first retry"),
            OptionSpec.of(RetryConfig.MULTIPLIER, OptionType.DECIMAL, "2",
                    "each delay is the previous one times this (at least 1)"),
            OptionSpec.optional(RetryConfig.MAX_BACKOFF, OptionType.DURATION, "the longest delay"),
            OptionSpec.of(RetryConfig.JITTER, OptionType.DECIMAL, "0",
                    "each delay varies at random by up to this fraction of itself (0 to 1)"),
            OptionSpec.optional(RetryConfig.MAX_DURATION, OptionType.DURATION,
                    "a time budget for all attempts of a call, from the start of the first"),
            OptionSpec.optional(RetryConfig.RETRY_ON, OptionType.STRING_LIST,
                    "exception class names to retry (default: any Exception)"),
            OptionSpec.optional(RetryConfig.ABORT_ON, OptionType.STRING_LIST,
                    "exception class names that end the call without retrying"));

    /** Creates the factory; it does no work until {@link #create} is called. */
    public RetryFactory() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Retries failed calls with exponential back-off on the scheduler's clock";
    }

    @Override
    public List<OptionSpec> options() {
        return OPTIONS;
    }

    @Override
    public List<EventType<?>> events() {
        return RetryEvents.ALL;
    }

    @Override
    public TaskPlugin create(Options options) {
        return create(RetryConfig.from(options));
    }

    /**
     * Makes a retry plugin from settings built in code.
     *
     * @param config the settings; never {@code null}
     * @return a new plugin for one task
     */
    public TaskPlugin create(RetryConfig config) {
        return new Retry(Objects.requireNonNull(config, "config"));
    }
}
