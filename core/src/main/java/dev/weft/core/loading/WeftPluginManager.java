package dev.weft.core.loading;

import dev.weft.PluginInfo;
import dev.weft.PluginState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pf4j.AbstractPluginManager;
import org.pf4j.DefaultExtensionFactory;
import org.pf4j.DefaultVersionManager;
import org.pf4j.ExtensionFactory;
import org.pf4j.ExtensionFinder;
import org.pf4j.ExtensionWrapper;
import org.pf4j.InvalidPluginDescriptorException;
import org.pf4j.PluginDependency;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginDescriptorFinder;
import org.pf4j.PluginFactory;
import org.pf4j.PluginLoader;
import org.pf4j.PluginRepository;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginStatusProvider;
import org.pf4j.PluginWrapper;
import org.pf4j.RuntimeMode;
import org.pf4j.VersionManager;

/**
 * PF4J drives the plugins folder's jars: it reads each descriptor, checks {@code Plugin-Requires}
 * against the core version, orders plugins by {@code Plugin-Dependencies}, and runs start, stop
 * and unload. weft supplies the parts PF4J would otherwise take from the jar: the "class loader"
 * is a {@link JarHandle} that builds a module layer at start, and the PF4J plugin object is a
 * {@link LayerPlugin}, so plugin jars never name a PF4J class.
 *
 * <p>Dependency problems are found here before PF4J resolves, because PF4J's own recovery from
 * a wrong dependency version unloads the dependency rather than the plugin that asked for it.
 */
final class WeftPluginManager extends AbstractPluginManager {

    private final ModuleLayer parent;
    private final Set<String> disabledIds;
    private final Map<Path, String> digests;
    private final Map<String, String> versionProblems = new HashMap<>();
    private final Map<String, String> failedIds = new HashMap<>();

    WeftPluginManager(Path root, ModuleLayer parent, String coreVersion, Set<String> disabledIds,
                      Map<Path, String> digests) {
        super(root);
        this.parent = parent;
        this.disabledIds = Set.copyOf(disabledIds);
        this.digests = Map.copyOf(digests);
        // PF4J skips the Plugin-Requires check while the system version is unset ("0.0.0").
        setSystemVersion(coreVersion);
        setResolveRecoveryStrategy(ResolveRecoveryStrategy.IGNORE_PLUGIN_AND_CONTINUE);
    }

    /**
     * Reads a jar's descriptor without loading it.
     *
     * @throws RuntimeException with the reason, if it has no valid descriptor
     */
    PluginDescriptor describe(Path jar) {
        PluginDescriptor descriptor = getPluginDescriptorFinder().find(jar);
        validatePluginDescriptor(descriptor);
        return descriptor;
    }

    /**
     * Loads, resolves and starts jars that passed the file checks.
     *
     * @return every factory the started jars made, and one failure per jar that did not start
     */
    List<Found> loadAll(List<Path> jars) {
        List<Found> out = new ArrayList<>();
        for (Path jar : jars) {
            try {
                loadPluginFromPath(jar);
            } catch (RuntimeException | LinkageError e) {
                out.add(Found.unusable(jarInfo(jar, Optional.empty(), PluginState.FAILED, Reasons.of(e))));
            }
        }
        for (PluginWrapper wrapper : new ArrayList<>(plugins.values())) {
            String id = wrapper.getPluginId();
            if (versionProblems.containsKey(id)) {
                drop(wrapper, PluginState.FAILED, versionProblems.get(id), out);
            } else if (disabledIds.contains(id)) {
                drop(wrapper, PluginState.DISABLED, "disabled in the configuration", out);
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (PluginWrapper wrapper : new ArrayList<>(plugins.values())) {
                Optional<String> problem = dependencyProblem(wrapper.getDescriptor());
                if (problem.isPresent()) {
                    drop(wrapper, PluginState.FAILED, problem.get(), out);
                    changed = true;
                }
            }
        }
        dropCycles(out);
        try {
            resolvePlugins();
        } catch (PluginRuntimeException e) {
            for (PluginWrapper wrapper : new ArrayList<>(plugins.values())) {
                drop(wrapper, PluginState.FAILED, "cannot order plugins: " + Reasons.of(e), out);
            }
        }
        startPlugins();
        for (PluginWrapper wrapper : new ArrayList<>(resolvedPlugins)) {
            if (wrapper.getPluginState() == org.pf4j.PluginState.STARTED) {
                String id = wrapper.getPluginId();
                for (Found found : ((LayerPlugin) wrapper.getPlugin()).found()) {
                    out.add(new Found(found.info(), found.factory(), Optional.of(id)));
                }
            } else {
                Throwable failure = wrapper.getFailedException();
                drop(wrapper, PluginState.FAILED, failure == null ? "did not start" : Reasons.of(failure), out);
            }
        }
        return out;
    }

    /**
     * Drops the jars on a dependency cycle, and then the jars that need them: PF4J refuses to
     * order any plugin while one cycle exists, which would take every jar down with it.
     */
    private void dropCycles(List<Found> out) {
        Map<String, List<String>> graph = new HashMap<>();
        plugins.forEach((id, w) -> graph.put(id, w.getDescriptor().getDependencies().stream()
                .map(PluginDependency::getPluginId).filter(plugins::containsKey).toList()));
        List<String> onCycle = graph.keySet().stream().filter(id -> reaches(graph, id, id)).sorted().toList();
        for (String id : onCycle) {
            List<String> others = onCycle.stream().filter(o -> !o.equals(id) && reaches(graph, id, o)
                    && reaches(graph, o, id)).toList();
            drop(plugins.get(id), PluginState.FAILED, "its Plugin-Dependencies form a cycle"
                    + (others.isEmpty() ? " with itself" : " with " + String.join(", ", others)), out);
        }
        boolean changed = !onCycle.isEmpty();
        while (changed) {
            changed = false;
            for (PluginWrapper wrapper : new ArrayList<>(plugins.values())) {
                Optional<String> problem = dependencyProblem(wrapper.getDescriptor());
                if (problem.isPresent()) {
                    drop(wrapper, PluginState.FAILED, problem.get(), out);
                    changed = true;
                }
            }
        }
    }

    /** Whether {@code to} can be reached from {@code from} in one or more steps. */
    private static boolean reaches(Map<String, List<String>> graph, String from, String to) {
        List<String> pending = new ArrayList<>(graph.getOrDefault(from, List.of()));
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (!pending.isEmpty()) {
            String next = pending.remove(pending.size() - 1);
            if (next.equals(to)) {
                return true;
            }
            if (seen.add(next)) {
                pending.addAll(graph.getOrDefault(next, List.of()));
            }
        }
        return false;
    }

    private Optional<String> dependencyProblem(PluginDescriptor descriptor) {
        for (PluginDependency dependency : descriptor.getDependencies()) {
            String needed = dependency.getPluginId();
            PluginWrapper present = plugins.get(needed);
            if (present == null) {
                if (dependency.isOptional()) {
                    continue;
                }
                return Optional.of(failedIds.containsKey(needed)
                        ? "needs plugin '" + needed + "' (Plugin-Dependencies), which failed: " + failedIds.get(needed)
                        : "needs plugin '" + needed + "' (Plugin-Dependencies), which is not in the plugins folder");
            }
            String wanted = dependency.getPluginVersionSupport();
            String actual = present.getDescriptor().getVersion();
            try {
                if (!getVersionManager().checkVersionConstraint(actual, wanted)) {
                    return Optional.of("needs plugin '" + needed + "' version " + wanted + " (Plugin-Dependencies), but "
                            + needed + " " + actual + " is installed");
                }
            } catch (RuntimeException e) {
                return Optional.of("cannot check dependency '" + needed + "@" + wanted + "' against version "
                        + actual + ": " + Reasons.of(e));
            }
        }
        return Optional.empty();
    }

    /** Records a jar that will not run, and lets PF4J unload it (which closes its handle). */
    private void drop(PluginWrapper wrapper, PluginState state, String reason, List<Found> out) {
        String id = wrapper.getPluginId();
        failedIds.put(id, reason);
        out.add(Found.unusable(jarInfo(wrapper.getPluginPath(), Optional.of(wrapper.getDescriptor()), state, reason)));
        unloadPlugin(id, false, false);
    }

    private PluginInfo jarInfo(Path jar, Optional<PluginDescriptor> descriptor, PluginState state, String reason) {
        return PluginFolder.jarInfo(jar, descriptor.map(PluginDescriptor::getPluginId),
                descriptor.map(PluginDescriptor::getVersion), Optional.ofNullable(digests.get(jar)), state, reason);
    }

    /**
     * Unloads a jar and every jar that depends on it.
     *
     * @return the ids unloaded
     */
    List<String> unloadWithDependents(String id) {
        List<String> gone = new ArrayList<>();
        List<String> pending = new ArrayList<>(List.of(id));
        while (!pending.isEmpty()) {
            String next = pending.remove(0);
            if (!gone.contains(next)) {
                gone.add(next);
                pending.addAll(dependencyResolver.getDependents(next));
            }
        }
        unloadPlugin(id);
        return gone;
    }

    /** Stops and unloads every jar. */
    void closeAll() {
        stopPlugins();
        unloadPlugins();
    }

    Optional<ModuleLayer> layerOf(String id) {
        PluginWrapper wrapper = plugins.get(id);
        if (wrapper == null || wrapper.getPluginState() != org.pf4j.PluginState.STARTED) {
            return Optional.empty();
        }
        return ((JarHandle) wrapper.getPluginClassLoader()).layer();
    }

    ModuleLayer parentLayer() {
        return parent;
    }

    String sourceOf(PluginWrapper wrapper) {
        return wrapper.getPluginPath().getFileName().toString();
    }

    Optional<String> digestOf(PluginWrapper wrapper) {
        return Optional.ofNullable(digests.get(wrapper.getPluginPath()));
    }

    @Override
    protected boolean isPluginValid(PluginWrapper wrapper) {
        boolean valid;
        try {
            valid = super.isPluginValid(wrapper);
        } catch (RuntimeException malformed) {
            versionProblems.put(wrapper.getPluginId(), "Plugin-Requires '" + wrapper.getDescriptor().getRequires()
                    + "' is not a version range (" + malformed.getMessage()
                    + "); write it as, for example, '>=0.1.0 & <1.0.0'");
            return false;
        }
        if (!valid) {
            versionProblems.put(wrapper.getPluginId(), "requires weft core " + wrapper.getDescriptor().getRequires()
                    + " (Plugin-Requires), but this core is " + getSystemVersion());
        }
        return valid;
    }

    @Override
    protected void validatePluginDescriptor(PluginDescriptor descriptor) {
        if (descriptor.getPluginId() == null || descriptor.getPluginId().isBlank()) {
            throw new InvalidPluginDescriptorException("missing plugin descriptor: the manifest has no Plugin-Id"
                    + " entry (it needs Plugin-Id and Plugin-Version)");
        }
        if (descriptor.getVersion() == null || descriptor.getVersion().isBlank()) {
            throw new InvalidPluginDescriptorException("incomplete plugin descriptor: the manifest has no"
                    + " Plugin-Version entry");
        }
    }

    @Override
    public RuntimeMode getRuntimeMode() {
        // PF4J reads this from a system property; weft takes no configuration from globals.
        return RuntimeMode.DEPLOYMENT;
    }

    @Override
    protected PluginRepository createPluginRepository() {
        // weft hands PF4J the vetted jars one by one, so PF4J never lists the folder itself.
        return new PluginRepository() {
            @Override
            public List<Path> getPluginPaths() {
                return List.of();
            }

            @Override
            public boolean deletePluginPath(Path pluginPath) {
                return false;
            }
        };
    }

    @Override
    protected PluginFactory createPluginFactory() {
        return LayerPlugin::new;
    }

    @Override
    protected ExtensionFactory createExtensionFactory() {
        return new DefaultExtensionFactory();
    }

    @Override
    protected PluginDescriptorFinder createPluginDescriptorFinder() {
        return new ManifestFinder();
    }

    @Override
    protected ExtensionFinder createExtensionFinder() {
        return new NoExtensions();
    }

    @Override
    protected PluginStatusProvider createPluginStatusProvider() {
        // Runs from PF4J's constructor, before this class's fields exist: read them lazily.
        return new PluginStatusProvider() {
            @Override
            public boolean isPluginDisabled(String pluginId) {
                return disabledIds != null && disabledIds.contains(pluginId);
            }

            @Override
            public void disablePlugin(String pluginId) {
                throw new UnsupportedOperationException("weft disables plugins in its configuration file");
            }

            @Override
            public void enablePlugin(String pluginId) {
                throw new UnsupportedOperationException("weft enables plugins in its configuration file");
            }
        };
    }

    @Override
    protected PluginLoader createPluginLoader() {
        return new PluginLoader() {
            @Override
            public boolean isApplicable(Path pluginPath) {
                return true;
            }

            @Override
            public ClassLoader loadPlugin(Path pluginPath, PluginDescriptor pluginDescriptor) {
                return new JarHandle(pluginPath);
            }
        };
    }

    @Override
    protected VersionManager createVersionManager() {
        return new DefaultVersionManager();
    }

    /** weft finds factories with ServiceLoader in each jar's layer, not with PF4J extensions. */
    private static final class NoExtensions implements ExtensionFinder {
        @Override
        public <T> List<ExtensionWrapper<T>> find(Class<T> type) {
            return List.of();
        }

        @Override
        public <T> List<ExtensionWrapper<T>> find(Class<T> type, String pluginId) {
            return List.of();
        }

        @SuppressWarnings("rawtypes")
        @Override
        public List<ExtensionWrapper> find(String pluginId) {
            return List.of();
        }

        @Override
        public Set<String> findClassNames(String pluginId) {
            return Set.of();
        }
    }
}
