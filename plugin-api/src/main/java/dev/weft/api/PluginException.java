package dev.weft.api;

import java.util.Objects;

/**
 * A plugin hook threw or broke its contract (for instance {@code around} did not call
 * {@code proceed()} exactly once). The call the hook concerned fails with this exception, the
 * scheduler emits {@code plugin-error}, and the scheduler keeps running.
 *
 * @since 0.1
 */
public class PluginException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String plugin;
    private final String hook;

    /**
     * Creates the exception.
     *
     * @param plugin the plugin's name; never {@code null}
     * @param hook the hook, such as {@code around}; never {@code null}
     * @param message what went wrong; never {@code null}
     * @param cause what the hook threw; may be {@code null}
     */
    public PluginException(String plugin, String hook, String message, Throwable cause) {
        super("plugin '" + plugin + "' failed in " + hook + ": " + message, cause);
        this.plugin = Objects.requireNonNull(plugin, "plugin");
        this.hook = Objects.requireNonNull(hook, "hook");
    }

    /** @return the plugin's name */
    public String plugin() {
        return plugin;
    }

    /** @return the hook that failed */
    public String hook() {
        return hook;
    }
}
