package dev.weft.plugin.timeout;

import dev.weft.api.EventType;
import dev.weft.api.OptionSpec;
import dev.weft.api.OptionType;
import dev.weft.api.Options;
import dev.weft.api.PluginFactory;
import dev.weft.api.TaskPlugin;
import java.util.List;
import java.util.Objects;

/**
 * Makes the {@code timeout} plugin: a call that runs past {@code limit} fails with a
 * {@link dev.weft.api.TaskTimeoutException}, its worker is interrupted (unless
 * {@code interrupt: false}) and the task emits {@code timeout}.
 *
 * <h2>Ordering</h2>
 * The limit covers the plugin's call scope. {@code [retry, timeout]} nests as
 * {@code retry(timeout(fn))}: each attempt gets the whole limit. {@code [timeout, retry]} nests as
 * {@code timeout(retry(fn))}: one limit covers every attempt and the back-off between them, and a
 * retry still pending when it runs out is dropped.
 *
 * <h2>What it cannot do</h2>
 * A function that ignores interrupts keeps its thread until it returns; the plugin counts it and
 * emits {@code timeout-ignored} then. Hard kills need the worker-process executor.
 *
 * @since 0.1
 */
public final class TimeoutPluginFactory implements PluginFactory {

    /** The plugin's name. */
    public static final String NAME = "timeout";
    /** The option naming the time limit. */
    public static final String LIMIT = "limit";
    /** The option saying whether to interrupt the worker. */
    public static final String INTERRUPT = "interrupt";

    private static final List<OptionSpec> OPTIONS = List.of(
            OptionSpec.optional(LIMIT, OptionType.DURATION,
                    "required: how long a call may run, counted from when it starts running (inside retry: each attempt)"),
            OptionSpec.of(INTERRUPT, OptionType.BOOLEAN, "true",
                    "interrupt the worker thread when the limit hits"));

    /** Does no work, as loading requires. */
    public TimeoutPluginFactory() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "fails a call that runs past its time limit and interrupts its worker";
    }

    @Override
    public List<OptionSpec> options() {
        return OPTIONS;
    }

    @Override
    public List<EventType<?>> events() {
        return TimeoutEvents.ALL;
    }

    @Override
    public TaskPlugin create(Options options) {
        return create(TimeoutConfig.from(options));
    }

    /**
     * Makes the plugin from settings built in code.
     *
     * @param config the settings; never {@code null}
     * @return a new plugin for one task
     */
    public TaskPlugin create(TimeoutConfig config) {
        return new TimeoutPlugin(Objects.requireNonNull(config, "config"));
    }
}
