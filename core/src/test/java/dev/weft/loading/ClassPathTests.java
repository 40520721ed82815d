package dev.weft.loading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Factories on the class path. The test JVM runs on the module path, so this starts a second JVM
 * with weft and a plugin jar on the class path.
 */
class ClassPathTests {

    @TempDir
    Path jars;

    @Test
    void factoriesOnTheClassPathAreFoundAndOneThatThrowsDoesNotStopTheOthers() throws Exception {
        Path good = PluginJars.jar("cp-good.jar")
                .source("t/cp/F.java", PluginJars.factory("t.cp", "F", "cp-good", "", ""))
                .source("t/cp/Said.java", PluginJars.said("t.cp", "cp-good"))
                .resource("META-INF/services/dev.weft.api.PluginFactory", "t.cp.F\n").build(jars);
        Path bad = PluginJars.jar("cp-bad.jar")
                .source("t/cpbad/F.java", PluginJars.factory("t.cpbad", "F", "cp-bad",
                        "throw new IllegalStateException(\"factory refuses\");", ""))
                .source("t/cpbad/Said.java", PluginJars.said("t.cpbad", "cp-bad"))
                .resource("META-INF/services/dev.weft.api.PluginFactory", "t.cpbad.F\n").build(jars);
        List<String> classPath = new ArrayList<>();
        classPath.add(bad.toString());
        classPath.add(good.toString());
        classPath.add(Path.of("target", "test-classes").toAbsolutePath().toString());
        // The test JVM's module path holds weft and its dependencies; the child takes them as a class path.
        classPath.addAll(List.of(System.getProperty("jdk.module.path").split(File.pathSeparator)));
        Path log = jars.resolve("child.log");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(File.pathSeparator, classPath), ClassPathMain.class.getName())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child JVM finished");
        } finally {
            child.destroyForcibly();
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, child.exitValue(), out);
        assertTrue(out.contains("PLUGIN cp-good unknown (class path) STARTED"), out);
        assertTrue(out.contains("PLUGIN t.cpbad.F unknown (class path) FAILED: factory t.cpbad.F could not be made:"
                + " IllegalStateException: factory refuses"), out);
    }
}
