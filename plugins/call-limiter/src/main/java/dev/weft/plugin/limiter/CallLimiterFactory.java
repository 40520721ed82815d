package dev.weft.plugin.limiter;

import dev.weft.api.EventType;
import dev.weft.api.OptionSpec;
import dev.weft.api.OptionType;
import dev.weft.api.Options;
import dev.weft.api.PluginFactory;
import dev.weft.api.TaskPlugin;
import java.util.List;
import java.util.Objects;

/**
 * Makes call-limiter plugins, one per task: AMLTK's Limiter.
 *
 * <h2>Options</h2>
 * <ul>
 *   <li>{@code max-calls} (integer, no limit by default): the most calls the task may make in all;</li>
 *   <li>{@code max-concurrent} (integer, no limit by default): the most calls submitted and not
 *       yet ended at once;</li>
 *   <li>{@code not-while-running} (list of task names, empty by default): no call while any of
 *       these tasks runs.</li>
 * </ul>
 * A call counts towards {@code max-calls} once it is submitted: a vetoed call does not count,
 * and a retry of a call is not a new call.
 *
 * @see LimiterEvents
 * @since 0.1
 */
public final class CallLimiterFactory implements PluginFactory {

    /** The plugin's name in configuration files. */
    public static final String NAME = "call-limiter";

    private static final List<OptionSpec> OPTIONS = List.of(
            OptionSpec.optional(CallLimiterConfig.MAX_CALLS, OptionType.INTEGER,
                    "the most calls the task may make in all (at least 1)"),
            OptionSpec.optional(CallLimiterConfig.MAX_CONCURRENT, OptionType.INTEGER,
                    "the most calls of the task submitted and not yet ended at once (at least 1)"),
            OptionSpec.optional(CallLimiterConfig.NOT_WHILE_RUNNING, OptionType.STRING_LIST,
                    "names of other tasks: no call while any of them is running"));

    /** Creates the factory; it does no work until {@link #create} is called. */
    public CallLimiterFactory() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Limits a task's calls: in all, at once, and not while other tasks run";
    }

    @Override
    public List<OptionSpec> options() {
        return OPTIONS;
    }

    @Override
    public List<EventType<?>> events() {
        return LimiterEvents.ALL;
    }

    @Override
    public TaskPlugin create(Options options) {
        return create(CallLimiterConfig.from(options));
    }

    /**
     * Makes a call-limiter from settings built in code.
     *
     * @param config the settings; never {@code null}
     * @return a new plugin for one task
     */
    public TaskPlugin create(CallLimiterConfig config) {
        return new CallLimiter(Objects.requireNonNull(config, "config"));
    }
}
