package dev.weft;

import dev.weft.api.OptionSpec;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What plugin loading found: one usable plugin, or one plugin (or jar) that could not be used.
 *
 * <p>Holds no reference to the plugin's classes, so listing a plugin never keeps an unloaded jar
 * alive.
 *
 * @param name the plugin's name as chains write it, such as {@code retry}; for a jar that failed
 *     before its factories were found, its {@code Plugin-Id} or else its file name; never {@code null}
 * @param version its version ({@code Plugin-Version}, or its module's version), or {@code "unknown"};
 *     never {@code null}
 * @param source {@code "module path"}, {@code "class path"}, or the jar's file name in the plugins
 *     folder; never {@code null}
 * @param state whether it is usable; never {@code null}
 * @param reason a one-line reason when the state is not {@link PluginState#STARTED}; never {@code null}
 * @param description the factory's one-line description, or empty; never {@code null}
 * @param events the names of the event types it registers; never {@code null}
 * @param options the options it accepts; never {@code null}
 * @param sha256 the jar's SHA-256 digest in lower-case hex, for plugins-folder jars; never {@code null}
 * @since 0.1
 */
public record PluginInfo(String name, String version, String source, PluginState state, Optional<String> reason,
                         String description, List<String> events, List<OptionSpec> options,
                         Optional<String> sha256) {

    /** The source of plugins found on the module path. */
    public static final String MODULE_PATH = "module path";
    /** The source of plugins found on the class path. */
    public static final String CLASS_PATH = "class path";

    /** Checks the arguments and copies the lists. */
    public PluginInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(description, "description");
        events = List.copyOf(events);
        options = List.copyOf(options);
        Objects.requireNonNull(sha256, "sha256");
        if (state != PluginState.STARTED && reason.isEmpty()) {
            throw new IllegalArgumentException("a " + state + " plugin needs a reason");
        }
    }

    /** @return whether tasks may use it */
    public boolean usable() {
        return state == PluginState.STARTED;
    }

    /**
     * The same plugin in another state.
     *
     * @param newState the state; never {@code null}
     * @param why the reason; never {@code null}
     * @return the changed copy
     */
    public PluginInfo withState(PluginState newState, String why) {
        return new PluginInfo(name, version, source, newState, Optional.of(why), description, events, options, sha256);
    }

    /** @return such as {@code retry 0.1.0 (retry-0.1.0.jar) FAILED: reason} */
    @Override
    public String toString() {
        return name + " " + version + " (" + source + ") " + state + reason.map(r -> ": " + r).orElse("");
    }
}
