package dev.weft;

/**
 * Where a plugin ended up after loading.
 *
 * @since 0.1
 */
public enum PluginState {
    /** Loaded and usable: tasks may name it in their chains. */
    STARTED,
    /** Could not be loaded, or is unusable (such as an ambiguous name); {@link PluginInfo#reason()} says why. */
    FAILED,
    /** Left out on purpose: disabled in the configuration, or another source of its name is pinned. */
    DISABLED
}
