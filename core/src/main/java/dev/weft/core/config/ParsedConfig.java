package dev.weft.core.config;

import dev.weft.WeftConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A configuration file as written, checked for shape but not yet against the plugins.
 *
 * @param file the file name, for messages
 * @param executor the executor section
 * @param trusted the trusted-plugins digests, when the key is present
 * @param pins plugins.NAME.source
 * @param disabled plugins whose plugins.NAME.enabled is false
 * @param tasks the chains, by task name ({@code "*"} for the default), in file order
 * @param empty whether the file sets nothing: no document, an empty one, or {@code {}}
 */
public record ParsedConfig(String file, WeftConfig.Executor executor, Optional<Set<String>> trusted,
                           Map<String, String> pins, Set<String> disabled, Map<String, TaskChain> tasks,
                           boolean empty) {

    /**
     * One task's chain.
     *
     * @param task the task name, or {@code "*"}
     * @param at where the task name is written
     * @param steps the plugins, outer to inner
     */
    public record TaskChain(String task, Position at, List<Step> steps) {
    }

    /**
     * One plugin of a chain.
     *
     * @param plugin the plugin's name
     * @param at where its name is written
     * @param options its options, in file order
     * @param whole false if the entry had a shape problem: its options may be missing, so only
     *     its plugin's name is checked
     */
    public record Step(String plugin, Position at, Map<String, Value> options, boolean whole) {

        /** @return this entry, marked as having a shape problem */
        Step broken() {
            return new Step(plugin, at, options, false);
        }
    }

    /**
     * One option value.
     *
     * @param raw the value as YAML typed it: String, Integer, Long, Double, Boolean, a List of
     *     those, or empty when the option was given no value
     * @param keyAt where the option's name is written
     * @param valueAt where its value is written
     */
    public record Value(Optional<Object> raw, Position keyAt, Position valueAt) {
    }
}
