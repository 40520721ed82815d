package dev.weft.loading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.PluginInfo;
import dev.weft.PluginRegistry;
import dev.weft.PluginState;
import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Factories on the module path, found with ServiceLoader. The modules are put in a layer above
 * the boot layer and given as the parent layer, which is how a module path looks to the loader.
 */
class ModulePathTests {

    @TempDir
    static Path jars;

    @TempDir
    Path folder;

    static ModuleLayer modulePath;
    static Path greeterCopy;

    @BeforeAll
    static void buildModulePath() {
        Path greeter = PluginJars.jar("greeter.jar").plugin("weft.test.greeter", "t.greeter", "greeter").build(jars);
        Path broken = PluginJars.jar("broken.jar").plugin("weft.test.broken", "t.broken", "broken",
                "throw new IllegalStateException(\"factory refuses\");", "").build(jars);
        Path other = PluginJars.jar("other.jar").plugin("weft.test.other", "t.other", "other").build(jars);
        Configuration cf = ModuleLayer.boot().configuration().resolve(ModuleFinder.of(greeter, broken, other),
                ModuleFinder.of(), Set.of("weft.test.greeter", "weft.test.broken", "weft.test.other"));
        modulePath = ModuleLayer.boot().defineModulesWithManyLoaders(cf, ClassLoader.getPlatformClassLoader());
        greeterCopy = PluginJars.jar("greeter-copy.jar").plugin("weft.test.copy", "t.copy", "greeter")
                .descriptor("greeter-copy", "1.0.0", ">=0.1.0").build(jars);
    }

    @Test
    void factoriesOnTheModulePathAreFoundAndOneThatThrowsDoesNotStopTheOthers() {
        try (PluginRegistry registry = PluginRegistry.builder().parentLayer(modulePath).load()) {
            assertEquals(Set.of("greeter", "other"), registry.names(), registry::toString);
            PluginInfo greeter = registry.plugins().stream().filter(p -> p.name().equals("greeter")).findFirst()
                    .orElseThrow();
            assertEquals(PluginInfo.MODULE_PATH, greeter.source());
            PluginInfo broken = registry.problems().get(0);
            assertEquals(PluginInfo.MODULE_PATH, broken.source());
            assertEquals("t.broken.F", broken.name());
            assertEquals("factory t.broken.F could not be made: IllegalStateException: factory refuses",
                    broken.reason().orElseThrow());
        }
    }

    @Test
    void aNameOnTheModulePathAndInThePluginsFolderIsAmbiguousUntilPinned() throws IOException {
        Files.copy(greeterCopy, folder.resolve("greeter-copy.jar"));
        try (PluginRegistry registry = PluginRegistry.builder().parentLayer(modulePath).pluginsDir(folder).load()) {
            assertEquals(Set.of("other"), registry.names());
            registry.plugins().stream().filter(p -> p.name().equals("greeter")).forEach(p -> {
                assertEquals(PluginState.FAILED, p.state());
                assertTrue(p.reason().orElseThrow().contains("comes from greeter-copy.jar and module path"),
                        p::toString);
            });
        }
        try (PluginRegistry registry = PluginRegistry.builder().parentLayer(modulePath).pluginsDir(folder)
                .pin("greeter", PluginInfo.MODULE_PATH).load()) {
            assertEquals("weft.test.greeter", registry.factory("greeter").getClass().getModule().getName());
        }
    }

    @Test
    void aPinNamingNoSourceOfTheNameMakesItUnusable() {
        try (PluginRegistry registry = PluginRegistry.builder().parentLayer(modulePath)
                .pin("greeter", "greeter-9.jar").load()) {
            assertEquals(Set.of("other"), registry.names());
            assertTrue(registry.whyNot("greeter").contains("is pinned to source 'greeter-9.jar', but it comes from"
                    + " module path"), registry.whyNot("greeter"));
        }
    }
}
