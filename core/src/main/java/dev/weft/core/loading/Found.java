package dev.weft.core.loading;

import dev.weft.PluginInfo;
import dev.weft.PluginState;
import dev.weft.api.PluginFactory;
import java.util.Objects;
import java.util.Optional;

/**
 * One result of loading: what to list, the factory when it is usable, and the PF4J plugin id of
 * the jar it came from.
 *
 * @param info what to list
 * @param factory the factory, present while the plugin is usable
 * @param jarId the PF4J {@code Plugin-Id} of its jar, if it came from the plugins folder and is loaded
 */
public record Found(PluginInfo info, Optional<PluginFactory> factory, Optional<String> jarId) {

    /** Checks the arguments. */
    public Found {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(jarId, "jarId");
    }

    /**
     * A plugin that is not usable.
     *
     * @param info what to list, not started
     * @return the result
     */
    public static Found unusable(PluginInfo info) {
        return new Found(info, Optional.empty(), Optional.empty());
    }

    /**
     * This result made unusable.
     *
     * @param state FAILED or DISABLED
     * @param reason why
     * @return the changed copy, with no factory
     */
    public Found demote(PluginState state, String reason) {
        return new Found(info.withState(state, reason), Optional.empty(), jarId);
    }
}
