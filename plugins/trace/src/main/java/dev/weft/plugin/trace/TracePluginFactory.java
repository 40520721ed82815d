package dev.weft.plugin.trace;

import dev.weft.api.EventType;
import dev.weft.api.OptionSpec;
import dev.weft.api.OptionType;
import dev.weft.api.Options;
import dev.weft.api.PluginFactory;
import dev.weft.api.TaskPlugin;
import java.util.List;
import java.util.Objects;

/**
 * Makes the {@code trace} plugin, which records every call of its task and writes them to a
 * Trace Event Format file (JSON) that Perfetto (ui.perfetto.dev) and chrome://tracing open.
 *
 * <h2>Ordering</h2>
 * Put it outermost ({@code [trace, call-limiter, retry, timeout]}): it then sees every attempt
 * and every decision the other plugins report as events.
 *
 * <h2>Sharing a file</h2>
 * Every trace plugin in the JVM that names the same file (compared as absolute paths) writes into
 * one shared file: each task's calls are labelled with its name, on shared per-thread tracks. The
 * sharing lasts until all of them have seen their scheduler finish. A second run of the same
 * scheduler continues the file; a plugin of another scheduler naming it then starts it afresh.
 *
 * @since 0.1
 */
public final class TracePluginFactory implements PluginFactory {

    /** The plugin's name. */
    public static final String NAME = "trace";
    /** The option naming the file to write. */
    public static final String FILE = "file";
    /** The option setting how often to write the queued events to the file during a run. */
    public static final String FLUSH_EVERY = "flush-every";
    /** The option turning on DEBUG logging of each step. */
    public static final String LOG = "log";

    private static final List<OptionSpec> OPTIONS = List.of(
            OptionSpec.of(FILE, OptionType.STRING, TraceConfig.DEFAULT_FILE,
                    "the trace file; tasks naming the same file share it"),
            OptionSpec.of(FLUSH_EVERY, OptionType.DURATION, "5s",
                    "how often to write what is queued and publish the trace while the scheduler runs"),
            OptionSpec.of(LOG, OptionType.BOOLEAN, "false",
                    "log each step at DEBUG through SLF4J, with the call id in the MDC key weft.call"));

    /** Does no work, as loading requires. */
    public TracePluginFactory() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "records every call and writes a trace that Perfetto and chrome://tracing open";
    }

    @Override
    public List<OptionSpec> options() {
        return OPTIONS;
    }

    @Override
    public List<EventType<?>> events() {
        return TraceEvents.ALL;
    }

    @Override
    public TaskPlugin create(Options options) {
        return create(TraceConfig.from(options));
    }

    /**
     * Makes the plugin from settings built in code.
     *
     * @param config the settings; never {@code null}
     * @return a new plugin for one task
     */
    public TaskPlugin create(TraceConfig config) {
        return new TracePlugin(Objects.requireNonNull(config, "config"));
    }
}
