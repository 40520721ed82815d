package dev.weft.plugin.trace;

import dev.weft.api.EventType;
import dev.weft.api.PluginFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The event types of the plugins this module can see, read from their factories. The task
 * context can only subscribe by {@link EventType}, and a payload type is only reachable through
 * the plugin that declares it.
 */
final class PluginEventTypes {

    private static volatile List<EventType<?>> found;

    private PluginEventTypes() {
    }

    /** @return every event type the visible factories declare, except the trace plugin's own */
    static List<EventType<?>> visible() {
        List<EventType<?>> types = found;
        if (types == null) {
            types = discover();
            found = types;
        }
        return types;
    }

    private static List<EventType<?>> discover() {
        ModuleLayer layer = PluginEventTypes.class.getModule().getLayer();
        ServiceLoader<PluginFactory> loader = layer != null
                ? ServiceLoader.load(layer, PluginFactory.class)
                : ServiceLoader.load(PluginFactory.class, PluginEventTypes.class.getClassLoader());
        Set<EventType<?>> types = new LinkedHashSet<>();
        Iterator<PluginFactory> it = loader.iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                PluginFactory factory = it.next();
                if (!TracePluginFactory.NAME.equals(factory.name())) {
                    types.addAll(factory.events());
                }
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                // A broken plugin is the loader's to report; the trace just cannot show its events.
            }
        }
        return List.copyOf(new ArrayList<>(types));
    }
}
