package dev.weft.core.loading;

import dev.weft.PluginInfo;
import dev.weft.PluginState;
import dev.weft.api.PluginFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.Spliterator;

/**
 * Finds factories on the module path (the parent layer and its parents) and on the class path.
 * Each provider is made in its own try, so one bad provider does not hide the others.
 */
public final class ModulePathPlugins {

    /** Past this many errors in a row the lookup is taken to be stuck on one broken entry. */
    private static final int MAX_ERRORS = 100;

    private ModulePathPlugins() {
    }

    /** @param parent the layer to search, with its parents @return every factory and failure found */
    public static List<Found> scan(ModuleLayer parent) {
        List<Found> out = new ArrayList<>();
        Set<Class<?>> seen = new HashSet<>();
        drain(ServiceLoader.load(parent, PluginFactory.class), seen, out);
        // The layer lookup misses the class path, and a layer that is not the boot layer misses the app loader.
        drain(ServiceLoader.load(PluginFactory.class, ClassLoader.getSystemClassLoader()), seen, out);
        return out;
    }

    private static void drain(ServiceLoader<PluginFactory> loader, Set<Class<?>> seen, List<Found> out) {
        Spliterator<ServiceLoader.Provider<PluginFactory>> providers = loader.stream().spliterator();
        int errors = 0;
        while (errors < MAX_ERRORS) {
            try {
                if (!providers.tryAdvance(p -> take(p, seen, out))) {
                    return;
                }
                errors = 0;
            } catch (ServiceConfigurationError e) {
                errors++;
                out.add(Found.unusable(failed("unknown provider", "unknown", PluginInfo.CLASS_PATH,
                        "cannot load a provider: " + Reasons.of(e))));
            }
        }
    }

    private static void take(ServiceLoader.Provider<PluginFactory> provider, Set<Class<?>> seen, List<Found> out) {
        Class<? extends PluginFactory> type = provider.type();
        if (!seen.add(type)) {
            return;
        }
        String source = type.getModule().isNamed() ? PluginInfo.MODULE_PATH : PluginInfo.CLASS_PATH;
        String version = Factories.versionOf(type);
        PluginFactory factory;
        try {
            factory = provider.get();
        } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
            out.add(Found.unusable(failed(type.getName(), version, source,
                    "factory " + type.getName() + " could not be made: " + Reasons.of(e))));
            return;
        }
        try {
            PluginInfo info = Factories.describe(factory, version, source, Optional.empty());
            out.add(new Found(info, Optional.of(factory), Optional.empty()));
        } catch (Reasons.LoadFailure e) {
            out.add(Found.unusable(failed(type.getName(), version, source, e.getMessage())));
        }
    }

    static PluginInfo failed(String name, String version, String source, String reason) {
        return new PluginInfo(name, version, source, PluginState.FAILED, Optional.of(reason), "", List.of(),
                List.of(), Optional.empty());
    }
}
