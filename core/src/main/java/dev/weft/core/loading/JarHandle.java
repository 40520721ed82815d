package dev.weft.core.loading;

import java.io.Closeable;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.module.ResolutionException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * PF4J's class-loader slot for one plugin jar. It defines no classes itself: when the plugin
 * starts it builds the jar's own {@link ModuleLayer}, and when PF4J unloads the plugin it closes
 * the handle, which closes the jar and lets go of the layer so its loader can be collected.
 */
final class JarHandle extends ClassLoader implements Closeable {

    /** What a plugin may require of the modules weft ships: the API, and the logging facade. */
    private static final List<String> PLUGIN_READABLE = List.of("dev.weft.api", "org.slf4j");
    private static final ModuleFinder SYSTEM = ModuleFinder.ofSystem();

    private final Path jar;
    private volatile TrackedReference reference;
    private volatile ModuleLayer layer;

    JarHandle(Path jar) {
        super("weft-plugin:" + jar.getFileName(), null);
        this.jar = jar;
    }

    /**
     * Builds the jar's layer.
     *
     * @param parents the layers of the plugins it depends on, then the core's layer
     * @return the layer
     * @throws Reasons.LoadFailure if the jar is not a module that resolves
     */
    ModuleLayer open(List<ModuleLayer> parents) {
        ModuleReference found;
        try {
            Set<ModuleReference> all = ModuleFinder.of(jar).findAll();
            if (all.size() != 1) {
                throw new Reasons.LoadFailure("holds " + all.size() + " modules, expected one");
            }
            found = all.iterator().next();
        } catch (FindException e) {
            throw new Reasons.LoadFailure("not a valid module: " + Reasons.of(e), e);
        }
        requireOnlyWhatPluginsMayRead(found.descriptor(), parents.get(parents.size() - 1));
        TrackedReference ref = new TrackedReference(found);
        String name = ref.descriptor().name();
        ModuleFinder finder = new ModuleFinder() {
            @Override
            public Optional<ModuleReference> find(String wanted) {
                return wanted.equals(name) ? Optional.of(ref) : Optional.empty();
            }

            @Override
            public Set<ModuleReference> findAll() {
                return Set.of(ref);
            }
        };
        try {
            Configuration cf = Configuration.resolve(finder, parents.stream().map(ModuleLayer::configuration).toList(),
                    ModuleFinder.of(), Set.of(name));
            // Plugins see the core's modules through the parent layers, and nothing on the class path.
            ModuleLayer built = ModuleLayer.defineModulesWithOneLoader(cf, parents,
                    ClassLoader.getPlatformClassLoader()).layer();
            reference = ref;
            layer = built;
            return built;
        } catch (ResolutionException | FindException | LayerInstantiationException e) {
            ref.close();
            throw new Reasons.LoadFailure("module " + name + " does not resolve: " + Reasons.of(e), e);
        }
    }

    /**
     * Refuses a module that requires one of weft's own modules other than the API. The core's
     * layer is a parent of every plugin's, so such a {@code requires} would resolve, and the
     * plugin would then break with any release of weft that changes its internals.
     */
    private static void requireOnlyWhatPluginsMayRead(ModuleDescriptor descriptor, ModuleLayer coreLayer) {
        for (ModuleDescriptor.Requires requires : descriptor.requires()) {
            String wanted = requires.name();
            boolean weftOwn = coreLayer.findModule(wanted).isPresent() && SYSTEM.find(wanted).isEmpty();
            if (weftOwn && !PLUGIN_READABLE.contains(wanted)) {
                throw new Reasons.LoadFailure("module " + descriptor.name() + " requires " + wanted
                        + ", which is weft's own: a plugin may require only " + String.join(", ", PLUGIN_READABLE)
                        + ", the JDK's modules and the modules of the plugins it depends on");
            }
        }
    }

    /** @return the layer while the plugin is started */
    Optional<ModuleLayer> layer() {
        return Optional.ofNullable(layer);
    }

    @Override
    public void close() {
        TrackedReference ref = reference;
        reference = null;
        layer = null;
        if (ref != null) {
            ref.close();
        }
    }

    @Override
    public String toString() {
        return "plugin jar " + jar.getFileName();
    }
}
