package dev.weft.api;

import java.util.List;

/**
 * The extension point that weft's plugin loading finds: one per plugin, making one
 * {@link TaskPlugin} per task that uses it.
 *
 * <p>Provide it from your module ({@code provides dev.weft.api.PluginFactory with ...}); the same
 * jar then loads from the module path and from a plugins folder.
 *
 * <h2>Constructor Requirements</h2>
 * A public no-argument constructor that does no work: loading instantiates every factory it
 * finds, even for plugins no task uses.
 *
 * @since 0.1
 */
public interface PluginFactory {

    /**
     * The plugin's name in configuration files, kebab-case, such as {@code call-limiter}.
     *
     * @return the name, never {@code null}
     */
    String name();

    /**
     * A one-line description for {@code weft plugins}.
     *
     * @return the description, never {@code null}
     */
    default String description() {
        return "";
    }

    /**
     * The options {@link #create} accepts. Any other option is an error.
     *
     * @return the options, never {@code null}
     */
    default List<OptionSpec> options() {
        return List.of();
    }

    /**
     * The event types the plugin registers on its task, for listings made without a task.
     *
     * @return the event types, never {@code null}
     */
    default List<EventType<?>> events() {
        return List.of();
    }

    /**
     * Makes the plugin for one task.
     *
     * @param options the options, already checked against {@link #options()}; never {@code null}
     * @return a new plugin instance, never {@code null}
     * @throws OptionException if the options do not go together (name the option at fault)
     */
    TaskPlugin create(Options options);
}
