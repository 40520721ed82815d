package dev.weft.loading;

import dev.weft.PluginInfo;
import dev.weft.PluginRegistry;

/** Lists the plugins weft finds, for {@link ClassPathTests}, which runs it in a JVM on the class path. */
public final class ClassPathMain {

    private ClassPathMain() {
    }

    /** @param args ignored */
    public static void main(String[] args) {
        try (PluginRegistry registry = PluginRegistry.load()) {
            for (PluginInfo info : registry.plugins()) {
                System.out.println("PLUGIN " + info);
            }
        }
    }
}
