package dev.weft.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.ConfigException;
import dev.weft.PluginRegistry;
import dev.weft.WeftConfig;
import dev.weft.core.loading.Digests;
import dev.weft.loading.PluginJars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WeftConfig.check: the problems of a file's shape and of its chains, all in one report. */
class CheckTests {

    @TempDir
    static Path plugins;

    static Path greeterJar;

    @TempDir
    Path dir;

    /** The registries loaded, so a test can see what they were configured with and that they were closed. */
    private final List<PluginRegistry> loaded = new ArrayList<>();

    @BeforeAll
    static void buildPlugins() {
        greeterJar = PluginJars.jar("greeter-1.0.jar").plugin("weft.test.greeter", "t.greeter", "greeter")
                .descriptor("greeter", "1.0.0", ">=0.1.0").build(plugins);
        PluginJars.jar("echo-1.0.jar").plugin("weft.test.echo", "t.echo", "echo")
                .descriptor("echo", "1.0.0", ">=0.1.0").build(plugins);
    }

    private final Function<WeftConfig, PluginRegistry> load = config -> {
        PluginRegistry registry = PluginRegistry.builder().scanModulePath(false).pluginsDir(plugins)
                .configure(config).load();
        loaded.add(registry);
        return registry;
    };

    private List<String> problems(String yaml) throws IOException {
        Path file = Files.writeString(dir.resolve("weft.yaml"), yaml);
        ConfigException e = assertThrows(ConfigException.class, () -> WeftConfig.check(file, load));
        return e.problems().stream().map(p -> p.toString().substring(dir.toString().length() + 1)).toList();
    }

    @Test
    void shapeProblemsDoNotHideChainProblemsAndAllAreInFileOrder() throws IOException {
        assertEquals(List.of(
                "weft.yaml:1:37: executor.workers: -1 is out of range; expected at least 1",
                "weft.yaml:2:1: unknown key 'taks' (did you mean 'tasks'?); known: executor, trusted-plugins, plugins, tasks",
                "weft.yaml:3:31: tasks.evaluate: unknown plugin 'greter' (did you mean 'greeter'?); known: echo, greeter",
                "weft.yaml:3:61: plugin 'greeter': option 'times': 'x' is not a whole number, such as 4",
                "weft.yaml:4:37: plugin 'greeter': option 'times': must be at least 1",
                "weft.yaml:4:50: plugin 'greeter': option 'greeting': must not be blank"),
                problems("""
                        executor: { type: threads, workers: -1 }
                        taks: {}
                        tasks: { evaluate: { chain: [ greter: {}, greeter: { times: x } ] },
                          fit: { chain: [ greeter: { times: 0, greeting: '' } ] } }
                        """));
    }

    @Test
    void anEntryWithAShapeProblemHasItsPluginNameCheckedButNotItsOptions() throws IOException {
        // The greeter's blank greeting is not reported: that entry's options are not checked.
        assertEquals(List.of(
                "weft.yaml:1:42: plugin 'greeter': option 'times' takes a value or a list, not a mapping",
                "weft.yaml:1:68: tasks.t: unknown plugin 'greter' (did you mean 'greeter'?); known: echo, greeter",
                "weft.yaml:1:85: plugin 'greter': option 'times' takes a value or a list, not a mapping"),
                problems("tasks: { t: { chain: [ greeter: { times: { a: 1 }, greeting: '' }, greter: { times: { a: 1 } } ] } }\n"));
    }

    @Test
    void anInvalidTrustedDigestIsLeftOutSoFewerJarsAreTrustedNotMore() throws IOException {
        List<String> problems = problems("""
                trusted-plugins: [ %s, abc ]
                tasks: { t: { chain: [ greeter, echo ] } }
                """.formatted(Digests.sha256(greeterJar)));
        assertEquals("weft.yaml:1:86: trusted-plugins: 'abc' is not a SHA-256 digest; expected 64 hex digits (sha256sum prints them)",
                problems.get(0));
        assertEquals(List.of("weft.yaml:2:33: tasks.t: unknown plugin 'echo'; known: greeter"),
                problems.subList(1, problems.size()));
    }

    @Test
    void aValidFileIsReturnedAndItsPluginsClosed() throws IOException {
        Path file = Files.writeString(dir.resolve("weft.yaml"), "tasks: { t: { chain: [ greeter: { times: 2 } ] } }\n");
        WeftConfig config = WeftConfig.check(file, load);
        assertEquals(Set.of("t"), config.taskNames());
        assertEquals(1, loaded.size());
        assertEquals(Set.of(), loaded.get(0).names(), "check closes the registry it was given");
    }

    @Test
    void theConfigurationGivenToThePluginLoaderYieldsNoChainsWhileTheFileHasProblems() throws IOException {
        Path file = Files.writeString(dir.resolve("weft.yaml"), "taks: {}\ntasks: { t: { chain: [ echo ] } }\n");
        List<String> seen = new ArrayList<>();
        assertThrows(ConfigException.class, () -> WeftConfig.check(file, config -> {
            PluginRegistry registry = load.apply(config);
            ConfigException e = assertThrows(ConfigException.class, () -> config.chains(registry));
            seen.add(e.getMessage());
            return registry;
        }));
        assertEquals(List.of(file + ":1:1: unknown key 'taks' (did you mean 'tasks'?); known: executor, trusted-plugins,"
                + " plugins, tasks"), seen);
    }

    @Test
    void aFileThatIsNotYamlLoadsNoPlugins() throws IOException {
        Path file = Files.writeString(dir.resolve("weft.yaml"), "executor: { type: threads\n");
        ConfigException e = assertThrows(ConfigException.class, () -> WeftConfig.check(file, load));
        assertEquals(1, e.problems().size());
        assertTrue(e.problems().get(0).message().startsWith("malformed YAML: "), e.getMessage());
        assertEquals(List.of(), loaded);
    }
}
