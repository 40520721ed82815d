package dev.weft.api;

import java.util.Objects;

/**
 * Payload of the scheduler's {@code plugin-error} event: a plugin hook threw or broke its contract.
 *
 * @param task the task whose plugin failed; never {@code null}
 * @param plugin the plugin's name; never {@code null}
 * @param hook the hook, such as {@code beforeSubmit} or {@code around}; never {@code null}
 * @param error what went wrong; never {@code null}
 * @since 0.1
 */
public record PluginErrorEvent(String task, String plugin, String hook, Throwable error) {
    /** Checks the arguments. */
    public PluginErrorEvent {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(hook, "hook");
        Objects.requireNonNull(error, "error");
    }
}
