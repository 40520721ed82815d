package dev.weft.loading;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.PluginInfo;
import dev.weft.PluginRegistry;
import dev.weft.PluginState;
import dev.weft.api.OptionSpec;
import dev.weft.api.PluginFactory;
import dev.weft.core.loading.Digests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugins folder: real jars, built once for the class, loaded through PF4J into module layers. */
class PluginFolderTests {

    @TempDir
    static Path jars;

    @TempDir
    Path folder;

    static Path greeter;
    static Path greeterCopy;
    static Path greeterNewer;
    static Path auto;
    static Path base;
    static Path dependent;
    static Path dependentWrong;
    static final Map<String, String> BAD = new LinkedHashMap<>();

    @BeforeAll
    static void buildJars() throws IOException {
        greeter = PluginJars.jar("greeter-1.0.jar").plugin("weft.test.greeter", "t.greeter", "greeter")
                .descriptor("greeter", "1.0.0", ">=0.1.0").build(jars);
        greeterCopy = PluginJars.jar("greeter-copy.jar").plugin("weft.test.copy", "t.copy", "greeter")
                .descriptor("greeter-copy", "1.0.0", ">=0.1.0").build(jars);
        greeterNewer = PluginJars.jar("greeter-1.1.jar").plugin("weft.test.greeter", "t.greeter", "greeter")
                .descriptor("greeter", "1.1.0", ">=0.1.0").build(jars);
        auto = PluginJars.jar("auto-hello-2.0.jar")
                .source("t/auto/F.java", PluginJars.factory("t.auto", "F", "auto", "", ""))
                .source("t/auto/Said.java", PluginJars.said("t.auto", "auto"))
                .resource("META-INF/services/dev.weft.api.PluginFactory", "t.auto.F\n")
                .descriptor("auto", "2.0.0", "*").build(jars);
        base = PluginJars.jar("base.jar").plugin("weft.test.base", "t.base", "base")
                .descriptor("base", "1.2.0", ">=0.1.0").build(jars);
        dependent = PluginJars.jar("dependent.jar")
                .source("module-info.java", "module weft.test.dependent { requires dev.weft.api; requires weft.test.base;"
                        + " exports t.dep; provides dev.weft.api.PluginFactory with t.dep.F; }")
                // The factory reaches into the base plugin's module: only its layer can supply that class.
                .source("t/dep/F.java", PluginJars.factory("t.dep", "F", "dependent", "", "")
                        .replace("List.of(Said.TYPE)", "List.of(Said.TYPE, t.base.Said.TYPE)"))
                .source("t/dep/Said.java", PluginJars.said("t.dep", "dependent"))
                .against(base)
                .descriptor("dependent", "1.0.0", ">=0.1.0").manifest("Plugin-Dependencies", "base@>=1.0.0")
                .build(jars);
        dependentWrong = PluginJars.jar("dependent-wrong.jar").plugin("weft.test.wrong", "t.wrong", "wrong")
                .descriptor("wrong", "1.0.0", ">=0.1.0").manifest("Plugin-Dependencies", "base@>=2.0.0").build(jars);

        Files.write(jars.resolve("corrupt.jar"), new byte[] {'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        BAD.put("corrupt.jar", "corrupt jar");
        Files.createFile(jars.resolve("empty.jar"));
        BAD.put("empty.jar", "empty file (0 bytes)");
        Files.createDirectories(jars.resolve("exploded").resolve("classes"));
        BAD.put("exploded", "a directory, not a plugin jar");
        Files.writeString(jars.resolve("notes.txt"), "not a plugin");
        BAD.put("notes.txt", "not a .jar file");
        PluginJars.jar("nomanifest.jar").plugin("weft.test.nomanifest", "t.nomanifest", "nomanifest").noManifest()
                .build(jars);
        BAD.put("nomanifest.jar", "no META-INF/MANIFEST.MF");
        PluginJars.jar("noid.jar").plugin("weft.test.noid", "t.noid", "noid").manifest("Plugin-Version", "1.0.0")
                .build(jars);
        BAD.put("noid.jar", "no Plugin-Id");
        PluginJars.jar("future.jar").plugin("weft.test.future", "t.future", "future")
                .descriptor("future", "1.0.0", ">=9.0.0").build(jars);
        BAD.put("future.jar", "requires weft core >=9.0.0 (Plugin-Requires), but this core is 0.1.0");
        PluginJars.jar("spaced.jar").plugin("weft.test.spaced", "t.spaced", "spaced")
                .descriptor("spaced", "1.0.0", ">=0.1.0 <1.0.0").build(jars);
        BAD.put("spaced.jar", "Plugin-Requires '>=0.1.0 <1.0.0' is not a version range");
        PluginJars.jar("ranged.jar").plugin("weft.test.ranged", "t.ranged", "ranged")
                .descriptor("ranged", "1.0.0", ">=0.1.0 & <1.0.0").build(jars);
        PluginJars.jar("needs-missing.jar").plugin("weft.test.needs", "t.needs", "needs")
                .descriptor("needs", "1.0.0", ">=0.1.0").manifest("Plugin-Dependencies", "absent-plugin").build(jars);
        BAD.put("needs-missing.jar", "needs plugin 'absent-plugin' (Plugin-Dependencies), which is not in the plugins folder");
        Path stub = PluginJars.jar("stub.jar").source("module-info.java", "module some.missing.module { }")
                .noManifest().build(Files.createTempDirectory(jars, "stub"));
        PluginJars.jar("unresolved.jar").plugin("weft.test.unresolved", "t.unresolved", "unresolved")
                .source("module-info.java", "module weft.test.unresolved { requires dev.weft.api;"
                        + " requires some.missing.module; exports t.unresolved;"
                        + " provides dev.weft.api.PluginFactory with t.unresolved.F; }")
                .against(stub).descriptor("unresolved", "1.0.0", ">=0.1.0").build(jars);
        BAD.put("unresolved.jar", "module weft.test.unresolved does not resolve");
        // A stub stands in for weft's own module at compile time; at load time the core's is found.
        Path pf4jStub = PluginJars.jar("pf4j-stub.jar").source("module-info.java", "module org.pf4j { }")
                .noManifest().build(Files.createTempDirectory(jars, "stub"));
        PluginJars.jar("reaches-in.jar").plugin("weft.test.reaches", "t.reaches", "reaches")
                .source("module-info.java", "module weft.test.reaches { requires dev.weft.api; requires org.pf4j;"
                        + " exports t.reaches; provides dev.weft.api.PluginFactory with t.reaches.F; }")
                .against(pf4jStub).descriptor("reaches-in", "1.0.0", ">=0.1.0").build(jars);
        BAD.put("reaches-in.jar", "module weft.test.reaches requires org.pf4j, which is weft's own: a plugin may"
                + " require only dev.weft.api, org.slf4j, the JDK's modules and the modules of the plugins it depends on");
        PluginJars.jar("ctor-throws.jar").plugin("weft.test.ctor", "t.ctor", "ctor",
                "throw new IllegalStateException(\"factory refuses\");", "")
                .descriptor("ctor-throws", "1.0.0", ">=0.1.0").build(jars);
        BAD.put("ctor-throws.jar", "IllegalStateException: factory refuses");
        PluginJars.jar("static-throws.jar").plugin("weft.test.statik", "t.statik", "statik", "",
                "if (true) { throw new IllegalStateException(\"static boom\"); }")
                .descriptor("static-throws", "1.0.0", ">=0.1.0").build(jars);
        BAD.put("static-throws.jar", "IllegalStateException: static boom");
        PluginJars.jar("no-factory.jar").source("module-info.java", "module weft.test.none { requires dev.weft.api; }")
                .source("t/none/Nothing.java", "package t.none; public class Nothing { }")
                .descriptor("no-factory", "1.0.0", ">=0.1.0").build(jars);
        BAD.put("no-factory.jar", "provides no dev.weft.api.PluginFactory");
        BAD.put("dependent-wrong.jar", "needs plugin 'base' version >=2.0.0 (Plugin-Dependencies), but base 1.2.0 is installed");
    }

    @Test
    void everyBadEntryIsReportedWithItsFileNameAndReasonWhileTheOthersLoad() {
        for (String name : BAD.keySet()) {
            copy(jars.resolve(name));
        }
        copy(greeter);
        copy(auto);
        copy(base);
        try (PluginRegistry registry = folderOnly().load()) {
            assertEquals(Set.of("auto", "base", "greeter"), registry.names(), registry::toString);
            assertAll(BAD.entrySet().stream().map(bad -> () -> {
                List<PluginInfo> listed = registry.plugins().stream()
                        .filter(p -> p.source().equals(bad.getKey())).toList();
                assertEquals(1, listed.size(), () -> bad.getKey() + " listed once in\n" + registry);
                PluginInfo info = listed.get(0);
                assertEquals(PluginState.FAILED, info.state(), info::toString);
                assertTrue(info.reason().orElseThrow().contains(bad.getValue()),
                        () -> bad.getKey() + ": expected '" + bad.getValue() + "' in: " + info.reason().orElseThrow());
                assertFalse(info.reason().orElseThrow().contains("\n"), "one line");
            }));
        }
    }

    @Test
    void aStartedJarIsListedWithVersionSourceDigestEventsAndOptions() {
        copy(greeter);
        try (PluginRegistry registry = folderOnly().load()) {
            PluginInfo info = registry.plugins().get(0);
            assertEquals("greeter", info.name());
            assertEquals("1.0.0", info.version());
            assertEquals("greeter-1.0.jar", info.source());
            assertEquals(PluginState.STARTED, info.state());
            assertEquals("test plugin greeter", info.description());
            assertEquals(List.of("greeter-said"), info.events());
            assertEquals(List.of("greeting", "times", "pause"), info.options().stream().map(OptionSpec::name).toList());
            assertEquals(Digests.sha256(greeter), info.sha256().orElseThrow());
        }
    }

    @Test
    void eachJarIsANamedModuleInItsOwnLayerAndAJarWithoutDescriptorIsAnAutomaticModule() {
        copy(greeter);
        copy(auto);
        try (PluginRegistry registry = folderOnly().load()) {
            Module named = registry.factory("greeter").getClass().getModule();
            Module automatic = registry.factory("auto").getClass().getModule();
            assertEquals("weft.test.greeter", named.getName());
            assertFalse(named.getDescriptor().isAutomatic());
            assertEquals("auto.hello", automatic.getName());
            assertTrue(automatic.getDescriptor().isAutomatic());
            assertNotSame(ModuleLayer.boot(), named.getLayer());
            assertNotSame(named.getLayer(), automatic.getLayer());
            assertNotSame(named.getClassLoader(), automatic.getClassLoader());
        }
    }

    @Test
    void aJarThatDependsOnAnotherIsBuiltOnThatJarsLayer() {
        copy(dependent);
        copy(base);
        try (PluginRegistry registry = folderOnly().load()) {
            assertEquals(Set.of("base", "dependent"), registry.names(), registry::toString);
            PluginFactory dep = registry.factory("dependent");
            ModuleLayer baseLayer = registry.factory("base").getClass().getModule().getLayer();
            assertTrue(dep.getClass().getModule().getLayer().parents().contains(baseLayer));
            assertEquals(List.of("dependent-said", "base-said"), registry.plugins().stream()
                    .filter(p -> p.name().equals("dependent")).findFirst().orElseThrow().events());
        }
    }

    @Test
    void unloadingADependencyUnloadsItsDependents() {
        copy(dependent);
        copy(base);
        try (PluginRegistry registry = folderOnly().load()) {
            assertTrue(registry.unload("base"));
            assertEquals(Set.of(), registry.names());
        }
    }

    @Test
    void jarsWhoseDependenciesFormACycleFailAndTheOthersLoad() {
        PluginJars.jar("ping.jar").plugin("weft.test.ping", "t.ping", "ping")
                .descriptor("ping", "1.0.0", ">=0.1.0").manifest("Plugin-Dependencies", "pong").build(jars);
        PluginJars.jar("pong.jar").plugin("weft.test.pong", "t.pong", "pong")
                .descriptor("pong", "1.0.0", ">=0.1.0").manifest("Plugin-Dependencies", "ping").build(jars);
        PluginJars.jar("needs-ping.jar").plugin("weft.test.np", "t.np", "needs-ping")
                .descriptor("needs-ping", "1.0.0", ">=0.1.0").manifest("Plugin-Dependencies", "ping").build(jars);
        List.of("ping.jar", "pong.jar", "needs-ping.jar").forEach(name -> copy(jars.resolve(name)));
        copy(greeter);
        try (PluginRegistry registry = folderOnly().load()) {
            assertEquals(Set.of("greeter"), registry.names(), registry::toString);
            assertEquals(3, registry.problems().size(), registry::toString);
            assertTrue(registry.whyNot("ping").contains("its Plugin-Dependencies form a cycle with pong"),
                    registry::toString);
            assertTrue(registry.whyNot("needs-ping").contains("needs plugin 'ping' (Plugin-Dependencies), which failed"),
                    registry::toString);
        }
    }

    @Test
    void twoJarsProvidingOneNameAreBothUnusableUntilTheConfigurationPinsOne() {
        copy(greeter);
        copy(greeterCopy);
        try (PluginRegistry registry = folderOnly().load()) {
            assertEquals(Set.of(), registry.names());
            for (PluginInfo info : registry.plugins()) {
                assertEquals(PluginState.FAILED, info.state());
                assertTrue(info.reason().orElseThrow().contains("greeter-1.0.jar and greeter-copy.jar"), info::toString);
                assertTrue(info.reason().orElseThrow().contains("plugins: { greeter: { source: greeter-1.0.jar } }"),
                        info::toString);
            }
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> registry.factory("greeter"));
            assertTrue(e.getMessage().contains("plugin 'greeter' is not usable"), e.getMessage());
        }
        try (PluginRegistry registry = folderOnly().pin("greeter", "greeter-copy.jar").load()) {
            assertEquals("weft.test.copy", registry.factory("greeter").getClass().getModule().getName());
            PluginInfo loser = registry.plugins().stream().filter(p -> p.source().equals("greeter-1.0.jar"))
                    .findFirst().orElseThrow();
            assertEquals(PluginState.DISABLED, loser.state());
            assertTrue(loser.reason().orElseThrow().contains("greeter-copy.jar, which the configuration pins"));
        }
    }

    @Test
    void twoJarsWithOnePluginIdAreBothUnusableUntilTheConfigurationPinsOne() {
        copy(greeter);
        copy(greeterNewer);
        try (PluginRegistry registry = folderOnly().load()) {
            assertEquals(Set.of(), registry.names());
            assertEquals(2, registry.problems().size());
            registry.problems().forEach(p -> assertTrue(p.reason().orElseThrow()
                    .contains("ambiguous: Plugin-Id 'greeter' comes from greeter-1.0.jar and greeter-1.1.jar"), p::toString));
        }
        try (PluginRegistry registry = folderOnly().pin("greeter", "greeter-1.1.jar").load()) {
            PluginInfo used = registry.plugins().stream().filter(PluginInfo::usable).findFirst().orElseThrow();
            assertEquals("1.1.0", used.version());
            assertEquals(PluginState.DISABLED, registry.problems().get(0).state());
        }
    }

    @Test
    void whyNotStatesAnAmbiguityOnceNamingBothJarsAndThePin() {
        copy(greeter);
        copy(greeterNewer);
        try (PluginRegistry registry = folderOnly().load()) {
            assertEquals("plugin 'greeter' is not usable: ambiguous: Plugin-Id 'greeter' comes from greeter-1.0.jar "
                    + "and greeter-1.1.jar; remove one, or pin one in the configuration "
                    + "(plugins: { greeter: { source: greeter-1.0.jar } })", registry.whyNot("greeter"));
        }
    }

    @Test
    void aJarNotOnTheTrustedListIsRefusedWithItsDigest() {
        copy(greeter);
        copy(auto);
        try (PluginRegistry registry = folderOnly().trusted(Set.of(Digests.sha256(greeter).toUpperCase())).load()) {
            assertEquals(Set.of("greeter"), registry.names());
            PluginInfo refused = registry.problems().get(0);
            assertEquals("auto-hello-2.0.jar", refused.source());
            assertTrue(refused.reason().orElseThrow().contains("not trusted: its SHA-256 digest " + Digests.sha256(auto)),
                    refused::toString);
        }
        try (PluginRegistry registry = folderOnly().trusted(Set.of()).load()) {
            assertEquals(Set.of(), registry.names(), "an empty trusted list trusts nothing");
        }
    }

    @Test
    void pluginRequiresIsCheckedAgainstTheCoreVersion() {
        copy(jars.resolve("future.jar"));
        try (PluginRegistry registry = folderOnly().load()) {
            assertEquals(PluginState.FAILED, registry.plugins().get(0).state());
        }
        try (PluginRegistry registry = folderOnly().coreVersion("9.1.0").load()) {
            assertEquals(Set.of("future"), registry.names());
        }
    }

    @Test
    void aRangeJoinedWithAmpersandIsAcceptedAsTheShippedPluginsWriteIt() {
        copy(jars.resolve("ranged.jar"));
        try (PluginRegistry registry = folderOnly().load()) {
            assertEquals(Set.of("ranged"), registry.names(), registry::toString);
        }
        try (PluginRegistry registry = folderOnly().coreVersion("1.2.0").load()) {
            assertEquals(PluginState.FAILED, registry.plugins().get(0).state(), "1.2.0 is outside >=0.1.0 & <1.0.0");
        }
    }

    @Test
    void aDisabledJarIsListedAndNeverStarted() {
        copy(jars.resolve("static-throws.jar"));
        copy(greeter);
        try (PluginRegistry registry = folderOnly().disable("static-throws").disable("greeter").load()) {
            assertEquals(Set.of(), registry.names());
            for (PluginInfo info : registry.plugins()) {
                assertEquals(PluginState.DISABLED, info.state(), info::toString);
                assertEquals("disabled in the configuration", info.reason().orElseThrow());
            }
        }
    }

    @Test
    void anUnknownNameIsAnErrorNamingTheClosestValidName() {
        copy(greeter);
        try (PluginRegistry registry = folderOnly().load()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> registry.factory("greter"));
            assertEquals("unknown plugin 'greter' (did you mean 'greeter'?); known: greeter", e.getMessage());
        }
    }

    @Test
    void aMissingPluginsFolderIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> folderOnly().pluginsDir(folder.resolve("nope")).load());
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    private PluginRegistry.Builder folderOnly() {
        return PluginRegistry.builder().scanModulePath(false).pluginsDir(folder);
    }

    private void copy(Path entry) {
        try {
            if (Files.isDirectory(entry)) {
                Files.createDirectories(folder.resolve(entry.getFileName()));
            } else {
                Files.copy(entry, folder.resolve(entry.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
