package dev.weft.core.loading;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What plugin loading is asked to do.
 *
 * @param pluginsDir the plugins folder, if any
 * @param trustedSha256 when present, only jars with one of these digests load
 * @param pins the source chosen for a plugin name (or {@code Plugin-Id}) that several sources claim
 * @param disabled plugin names (or {@code Plugin-Id}s) to leave out
 * @param parent the layer plugin layers are built on, which must hold {@code dev.weft.api}
 * @param scanModulePath whether to look for factories on the module path and class path
 * @param coreVersion the version {@code Plugin-Requires} is checked against
 */
public record LoadSettings(Optional<Path> pluginsDir, Optional<Set<String>> trustedSha256, Map<String, String> pins,
                           Set<String> disabled, ModuleLayer parent, boolean scanModulePath, String coreVersion) {

    /** Checks and copies. */
    public LoadSettings {
        Objects.requireNonNull(pluginsDir, "pluginsDir");
        trustedSha256 = trustedSha256.map(Set::copyOf);
        pins = Map.copyOf(pins);
        disabled = Set.copyOf(disabled);
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(coreVersion, "coreVersion");
    }
}
