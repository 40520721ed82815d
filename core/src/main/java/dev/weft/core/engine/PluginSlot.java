package dev.weft.core.engine;

import dev.weft.api.TaskPlugin;

/** A plugin in a task's chain, under the name it was configured with. */
public record PluginSlot(String name, TaskPlugin plugin) {
}
