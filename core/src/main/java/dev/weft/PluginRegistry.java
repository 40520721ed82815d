package dev.weft;

import dev.weft.api.Names;
import dev.weft.api.PluginFactory;
import dev.weft.core.loading.Catalog;
import dev.weft.core.loading.CoreVersion;
import dev.weft.core.loading.Found;
import dev.weft.core.loading.LoadSettings;
import dev.weft.core.loading.ModulePathPlugins;
import dev.weft.core.loading.PluginFolder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Every plugin weft found, usable or not: factories on the module path and class path (found
 * with {@link java.util.ServiceLoader}) and jars in a plugins folder (read by PF4J, each loaded
 * as a named module in its own {@link ModuleLayer}).
 *
 * <h2>Failure isolation</h2>
 * A jar that cannot be used (corrupt or empty, a directory, no descriptor, a core version it does
 * not accept, a missing dependency, a module that does not resolve, a factory that throws, a
 * digest not on the trusted list) is listed as {@link PluginState#FAILED} with its file name and
 * a one-line reason; every other plugin still loads. A name that several sources provide is
 * unusable, and lists both sources, until the configuration pins one
 * ({@code plugins: { retry: { source: retry-1.0.jar } }}).
 *
 * <h2>Lifecycle</h2>
 * {@link #unload(String)} and {@link #close()} stop and unload plugins-folder jars through PF4J:
 * their module layers are released and their jars closed. A factory already handed to a chain
 * must not be used after its jar was unloaded.
 *
 * <p>Thread-safe.
 *
 * @since 0.1
 */
public final class PluginRegistry implements AutoCloseable {

    private final Optional<PluginFolder> folder;
    private final List<Found> found;

    private PluginRegistry(Optional<PluginFolder> folder, List<Found> found) {
        this.folder = folder;
        this.found = new ArrayList<>(found);
    }

    /** @return a builder with no plugins folder, trusting every jar, scanning the module path */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Loads the plugins on the module path and class path only.
     *
     * @return the registry
     */
    public static PluginRegistry load() {
        return builder().load();
    }

    /** @return every plugin found, usable or not, by name then source */
    public synchronized List<PluginInfo> plugins() {
        return found.stream().map(Found::info)
                .sorted(Comparator.comparing(PluginInfo::name).thenComparing(PluginInfo::source))
                .toList();
    }

    /** @return the plugins that are not usable, by name then source */
    public synchronized List<PluginInfo> problems() {
        return plugins().stream().filter(p -> !p.usable()).toList();
    }

    /** @return the names of the usable plugins, sorted */
    public synchronized Set<String> names() {
        return found.stream().filter(f -> f.info().usable()).map(f -> f.info().name())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * The usable plugin of a name.
     *
     * @param name the plugin's name; never {@code null}
     * @return its factory, if a usable plugin has that name
     */
    public synchronized Optional<PluginFactory> find(String name) {
        Objects.requireNonNull(name, "name");
        return found.stream().filter(f -> f.info().usable() && f.info().name().equals(name))
                .findFirst().flatMap(Found::factory);
    }

    /**
     * The usable plugin of a name.
     *
     * @param name the plugin's name; never {@code null}
     * @return its factory
     * @throws IllegalArgumentException naming the closest valid name if there is no usable plugin
     *     of that name, or saying why the plugin of that name is not usable
     */
    public synchronized PluginFactory factory(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException(whyNot(name)));
    }

    /**
     * Why a name has no usable plugin, for error messages.
     *
     * @param name the name asked for; never {@code null}
     * @return such as {@code unknown plugin 'retyr' (did you mean 'retry'?); known: retry, timeout}
     */
    public synchronized String whyNot(String name) {
        Objects.requireNonNull(name, "name");
        List<PluginInfo> same = plugins().stream().filter(p -> p.name().equals(name)).toList();
        if (!same.isEmpty()) {
            // Sources that share a reason (both jars of an ambiguity do) share one statement of it.
            Map<String, List<PluginInfo>> byReason = same.stream().collect(Collectors.groupingBy(
                    p -> p.state() + " " + p.reason().orElse(""), LinkedHashMap::new, Collectors.toList()));
            return "plugin '" + name + "' is not usable: " + byReason.values().stream()
                    .map(PluginRegistry::whyNot).collect(Collectors.joining("; "));
        }
        Set<String> known = names();
        return "unknown plugin '" + name + "'" + Names.didYouMean(name, known) + "; "
                + (known.isEmpty() ? "no plugins are loaded" : "known: " + String.join(", ", known));
    }

    /** @return why some sources of one name are unusable, naming those that the reason does not */
    private static String whyNot(List<PluginInfo> alike) {
        PluginInfo first = alike.get(0);
        String reason = first.reason().orElse("");
        List<String> unnamed = alike.stream().map(PluginInfo::source).filter(s -> !reason.contains(s)).toList();
        return unnamed.isEmpty() ? reason
                : first.state().name().toLowerCase(Locale.ROOT) + " in " + String.join(" and ", unnamed) + ": " + reason;
    }

    /**
     * Stops and unloads the plugins-folder jar that provides a plugin, and the jars that depend on
     * it; their module layers are released and their jars closed. Their entries leave the listing.
     *
     * @param name a plugin's name; never {@code null}
     * @return true if a jar was unloaded; false if the plugin is not from a loaded jar
     */
    public synchronized boolean unload(String name) {
        Objects.requireNonNull(name, "name");
        Optional<String> jarId = found.stream().filter(f -> f.info().name().equals(name))
                .flatMap(f -> f.jarId().stream()).findFirst();
        if (jarId.isEmpty() || folder.isEmpty()) {
            return false;
        }
        Set<String> gone = new HashSet<>(folder.get().unload(jarId.get()));
        found.removeIf(f -> f.jarId().isPresent() && gone.contains(f.jarId().get()));
        return true;
    }

    /** Stops and unloads every plugins-folder jar. The module-path plugins stay listed. */
    @Override
    public synchronized void close() {
        folder.ifPresent(PluginFolder::close);
        found.removeIf(f -> f.jarId().isPresent());
    }

    /**
     * How to load plugins. Not thread-safe.
     *
     * @since 0.1
     */
    public static final class Builder {
        private Optional<Path> pluginsDir = Optional.empty();
        private Optional<Set<String>> trusted = Optional.empty();
        private final Map<String, String> pins = new LinkedHashMap<>();
        private final Set<String> disabled = new HashSet<>();
        private Optional<ModuleLayer> parent = Optional.empty();
        private boolean modulePath = true;
        private String coreVersion = CoreVersion.VALUE;

        private Builder() {
        }

        /**
         * Loads the jars of a plugins folder too.
         *
         * @param dir the folder, which must exist; never {@code null}
         * @return this builder
         */
        public Builder pluginsDir(Path dir) {
            this.pluginsDir = Optional.of(Objects.requireNonNull(dir, "dir"));
            return this;
        }

        /**
         * Refuses every plugins-folder jar whose SHA-256 digest is not listed. Without this call every
         * jar is trusted; with it, even an empty list, only listed jars load.
         *
         * @param sha256 digests in hex, either case; never {@code null}
         * @return this builder
         */
        public Builder trusted(Collection<String> sha256) {
            this.trusted = Optional.of(sha256.stream().map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toSet()));
            return this;
        }

        /**
         * Chooses the source of a name several sources provide.
         *
         * @param name the plugin's name or {@code Plugin-Id}; never {@code null}
         * @param source a jar's file name, or {@code "module path"} or {@code "class path"}; never {@code null}
         * @return this builder
         */
        public Builder pin(String name, String source) {
            pins.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(source, "source"));
            return this;
        }

        /**
         * Leaves a plugin out: it is listed as {@link PluginState#DISABLED}. A plugins-folder jar
         * disabled by its {@code Plugin-Id} is not even started.
         *
         * @param name the plugin's name or {@code Plugin-Id}; never {@code null}
         * @return this builder
         */
        public Builder disable(String name) {
            disabled.add(Objects.requireNonNull(name, "name"));
            return this;
        }

        /**
         * Takes the trusted digests, pins and disabled plugins of a configuration.
         *
         * @param config the configuration; never {@code null}
         * @return this builder
         */
        public Builder configure(WeftConfig config) {
            config.trustedPlugins().ifPresent(this::trusted);
            config.pinnedSources().forEach(this::pin);
            config.disabledPlugins().forEach(this::disable);
            return this;
        }

        /**
         * The layer plugin layers are built on; it must contain {@code dev.weft.api}. By default,
         * the core's own layer (the boot layer when weft runs on the module path).
         *
         * @param layer the layer; never {@code null}
         * @return this builder
         */
        public Builder parentLayer(ModuleLayer layer) {
            this.parent = Optional.of(Objects.requireNonNull(layer, "layer"));
            return this;
        }

        /**
         * Whether to look for factories on the module path and class path (default true).
         *
         * @param scan false to load only the plugins folder
         * @return this builder
         */
        public Builder scanModulePath(boolean scan) {
            this.modulePath = scan;
            return this;
        }

        /**
         * The version {@code Plugin-Requires} is checked against; the core's own by default. For tests.
         *
         * @param version such as {@code 0.1.0}; never {@code null}
         * @return this builder
         */
        public Builder coreVersion(String version) {
            this.coreVersion = Objects.requireNonNull(version, "version");
            return this;
        }

        /**
         * Loads the plugins.
         *
         * @return the registry; close it to unload the plugins-folder jars
         * @throws IllegalArgumentException if the plugins folder does not exist
         */
        public PluginRegistry load() {
            ModuleLayer layer = parent.orElseGet(() -> Optional.ofNullable(PluginRegistry.class.getModule().getLayer())
                    .orElse(ModuleLayer.boot()));
            LoadSettings settings = new LoadSettings(pluginsDir, trusted, pins, disabled, layer, modulePath, coreVersion);
            List<Found> all = new ArrayList<>();
            if (modulePath) {
                all.addAll(ModulePathPlugins.scan(layer));
            }
            Optional<PluginFolder> folder = pluginsDir.map(dir -> PluginFolder.open(settings, dir));
            folder.ifPresent(f -> all.addAll(f.load()));
            List<Found> settled = Catalog.settle(all, pins, disabled);
            PluginRegistry registry = new PluginRegistry(folder, settled);
            registry.releaseUnused();
            return registry;
        }
    }

    /**
     * Unloads jars none of whose plugins ended up usable (such as the loser of a pin), so their
     * layers do not stay loaded for nothing. Jars that depend on them go too, and say why.
     */
    private void releaseUnused() {
        if (folder.isEmpty()) {
            return;
        }
        Set<String> loaded = found.stream().flatMap(f -> f.jarId().stream()).collect(Collectors.toSet());
        Set<String> used = found.stream().filter(f -> f.info().usable()).flatMap(f -> f.jarId().stream())
                .collect(Collectors.toSet());
        loaded.removeAll(used);
        for (String id : loaded) {
            Set<String> gone = new HashSet<>(folder.get().unload(id));
            found.replaceAll(f -> {
                if (f.jarId().isEmpty() || !gone.contains(f.jarId().get())) {
                    return f;
                }
                Found detached = new Found(f.info(), f.factory(), Optional.empty());
                return f.info().usable() ? detached.demote(PluginState.FAILED, "depends on plugin jar '" + id
                        + "', none of whose plugins is usable") : detached;
            });
        }
    }

    @Override
    public String toString() {
        return plugins().stream().map(PluginInfo::toString).collect(Collectors.joining("\n"));
    }
}
