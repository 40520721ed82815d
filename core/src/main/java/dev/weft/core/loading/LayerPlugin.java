package dev.weft.core.loading;

import dev.weft.PluginInfo;
import dev.weft.api.PluginFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.pf4j.Plugin;
import org.pf4j.PluginDependency;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginWrapper;

/**
 * PF4J's view of one plugin jar. Plugin jars never name a PF4J class ({@code Plugin-Class} is not
 * used): starting builds the jar's module layer on the layers of the plugins it depends on and
 * makes its {@link PluginFactory}s; stopping lets them go.
 */
final class LayerPlugin extends Plugin {

    private final PluginWrapper wrapper;
    private volatile List<Found> found = List.of();

    LayerPlugin(PluginWrapper wrapper) {
        this.wrapper = wrapper;
    }

    @Override
    public void start() {
        WeftPluginManager manager = (WeftPluginManager) wrapper.getPluginManager();
        PluginDescriptor descriptor = wrapper.getDescriptor();
        List<ModuleLayer> parents = new ArrayList<>();
        for (PluginDependency dependency : descriptor.getDependencies()) {
            Optional<ModuleLayer> layer = manager.layerOf(dependency.getPluginId());
            if (layer.isPresent()) {
                parents.add(layer.get());
            } else if (!dependency.isOptional()) {
                throw new Reasons.LoadFailure("needs plugin '" + dependency.getPluginId() + "', which did not start");
            }
        }
        parents.add(manager.parentLayer());
        JarHandle handle = (JarHandle) wrapper.getPluginClassLoader();
        ModuleLayer layer = handle.open(parents);
        try {
            found = makeFactories(layer, descriptor.getVersion(), manager.sourceOf(wrapper), manager.digestOf(wrapper));
        } catch (RuntimeException e) {
            handle.close();
            throw e;
        }
    }

    private static List<Found> makeFactories(ModuleLayer layer, String version, String source, Optional<String> sha) {
        List<Found> out = new ArrayList<>();
        String module = layer.modules().iterator().next().getName();
        List<ServiceLoader.Provider<PluginFactory>> providers;
        try {
            providers = ServiceLoader.load(layer, PluginFactory.class).stream()
                    .filter(p -> p.type().getModule().getLayer() == layer)
                    .toList();
        } catch (ServiceConfigurationError | LinkageError e) {
            throw new Reasons.LoadFailure("cannot list its factories: " + Reasons.of(e), e);
        }
        if (providers.isEmpty()) {
            throw new Reasons.LoadFailure("module " + module + " provides no dev.weft.api.PluginFactory (declare"
                    + " 'provides dev.weft.api.PluginFactory with ...' in its module-info.java)");
        }
        for (ServiceLoader.Provider<PluginFactory> provider : providers) {
            PluginFactory factory;
            try {
                factory = provider.get();
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                throw new Reasons.LoadFailure("factory " + provider.type().getName() + " could not be made: "
                        + Reasons.of(e), e);
            }
            PluginInfo info = Factories.describe(factory, version, source, sha);
            out.add(new Found(info, Optional.of(factory), Optional.empty()));
        }
        return out;
    }

    @Override
    public void stop() {
        found = List.of();
    }

    /** @return the factories made at start, empty once stopped */
    List<Found> found() {
        return found;
    }
}
