package dev.weft.loading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.PluginRegistry;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unloading a plugins-folder jar closes the jar and lets its module layer be collected. */
class UnloadTests {

    @TempDir
    static Path jars;

    @TempDir
    Path folder;

    static Path greeter;
    static Path other;

    @BeforeAll
    static void buildJars() {
        greeter = PluginJars.jar("greeter-1.0.jar").plugin("weft.test.greeter", "t.greeter", "greeter")
                .descriptor("greeter", "1.0.0", ">=0.1.0").build(jars);
        other = PluginJars.jar("other-1.0.jar").plugin("weft.test.other", "t.other", "other")
                .descriptor("other", "1.0.0", ">=0.1.0").build(jars);
    }

    @Test
    void unloadingAJarClosesItFreesItsClassLoaderAndLetsItBeDeleted() throws IOException {
        Path jar = Files.copy(greeter, folder.resolve("greeter-1.0.jar"));
        Files.copy(other, folder.resolve("other-1.0.jar"));
        try (PluginRegistry registry = PluginRegistry.builder().scanModulePath(false).pluginsDir(folder).load()) {
            WeakReference<ClassLoader> loader = loaderOf(registry, "greeter");
            if (procFds()) {
                assertTrue(isOpen(jar), "the layer's loader reads classes from the open jar");
            }

            assertTrue(registry.unload("greeter"));

            assertEquals(Set.of("other"), registry.names(), "the other plugin stays");
            assertFalse(registry.unload("greeter"), "already gone");
            if (procFds()) {
                assertFalse(isOpen(jar), "unloading closed the jar");
            }
            Files.delete(jar);
            assertCollected(loader);
        }
    }

    @Test
    void closingTheRegistryUnloadsEveryJar() throws IOException {
        Path a = Files.copy(greeter, folder.resolve("greeter-1.0.jar"));
        Path b = Files.copy(other, folder.resolve("other-1.0.jar"));
        WeakReference<ClassLoader> loader;
        PluginRegistry registry = PluginRegistry.builder().scanModulePath(false).pluginsDir(folder).load();
        loader = loaderOf(registry, "other");
        registry.close();
        assertEquals(List.of(), registry.plugins());
        if (procFds()) {
            assertFalse(isOpen(a) || isOpen(b), "closing closed every jar");
        }
        Files.delete(a);
        Files.delete(b);
        assertCollected(loader);
    }

    /** Takes the loader in its own frame so that no local variable of the test keeps the factory alive. */
    private static WeakReference<ClassLoader> loaderOf(PluginRegistry registry, String name) {
        return new WeakReference<>(registry.factory(name).getClass().getClassLoader());
    }

    private static void assertCollected(WeakReference<ClassLoader> loader) {
        // A bounded number of collections, not a sleep: the loader is unreachable or the test fails.
        for (int i = 0; i < 50 && loader.get() != null; i++) {
            System.gc();
            byte[][] pressure = new byte[64][];
            for (int j = 0; j < pressure.length; j++) {
                pressure[j] = new byte[64 * 1024];
            }
        }
        assertNull(loader.get(), "the plugin's class loader was collected");
    }

    private static boolean procFds() {
        boolean linux = Files.isDirectory(Path.of("/proc/self/fd"));
        assumeTrue(linux || !System.getProperty("os.name").toLowerCase().contains("linux"));
        return linux;
    }

    /** Whether this process holds the file open (Linux: a link in /proc/self/fd). */
    private static boolean isOpen(Path file) throws IOException {
        Path real = file.toRealPath();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.anyMatch(fd -> {
                try {
                    return Files.readSymbolicLink(fd).equals(real);
                } catch (IOException | UnsupportedOperationException e) {
                    return false;
                }
            });
        }
    }
}
