package dev.weft.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Chain;
import dev.weft.ConfigException;
import dev.weft.ExitState;
import dev.weft.Scheduler;
import dev.weft.Task;
import dev.weft.PluginRegistry;
import dev.weft.WeftConfig;
import dev.weft.api.TaskPlugin;
import dev.weft.core.loading.Digests;
import dev.weft.loading.PluginJars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** weft.yaml: its shape, its chains checked against real plugins, and every problem with FILE:LINE:COL. */
class WeftConfigTests {

    @TempDir
    static Path plugins;

    @TempDir
    Path dir;

    static PluginRegistry registry;
    static Path greeterJar;

    @BeforeAll
    static void loadPlugins() {
        greeterJar = PluginJars.jar("greeter-1.0.jar").plugin("weft.test.greeter", "t.greeter", "greeter")
                .descriptor("greeter", "1.0.0", ">=0.1.0").build(plugins);
        PluginJars.jar("echo-1.0.jar").plugin("weft.test.echo", "t.echo", "echo")
                .descriptor("echo", "1.0.0", ">=0.1.0").build(plugins);
        registry = PluginRegistry.builder().scanModulePath(false).pluginsDir(plugins).load();
    }

    @AfterAll
    static void unload() {
        registry.close();
    }

    @Test
    void eachTaskGetsItsOwnChainOtherTasksTheStarChainAndWithoutOneNoChain() {
        WeftConfig config = WeftConfig.parse("""
                executor: { type: threads, workers: 3 }
                tasks:
                  evaluate:
                    chain:
                      - greeter: { greeting: yo, times: 2, pause: 250ms }
                      - echo
                  "*":
                    chain: [ { echo: {} } ]
                """, "weft.yaml");
        assertEquals(new WeftConfig.Executor(WeftConfig.ExecutorType.THREADS, 3), config.executor());
        assertEquals(Set.of("evaluate"), config.taskNames());
        Function<String, Chain> chains = config.chains(registry);
        assertEquals(List.of("greeter", "echo"), chains.apply("evaluate").names());
        assertEquals("greeter(echo(fn))", chains.apply("evaluate").toString());
        assertEquals(List.of("echo"), chains.apply("anything-else").names());
        List<TaskPlugin> made = chains.apply("evaluate").instantiate();
        assertEquals(List.of("greeter", "echo"), made.stream().map(TaskPlugin::name).toList());

        Function<String, Chain> none = WeftConfig.parse("tasks: { evaluate: { chain: [echo] } }", "w.yaml")
                .chains(registry);
        assertTrue(none.apply("other").isEmpty(), "no '*' chain: other tasks get no plugins");
    }

    @Test
    void aChainIsWrittenOuterToInnerAndRunsInThatNesting() {
        WeftConfig config = WeftConfig.parse("""
                tasks:
                  forward: { chain: [ greeter, echo ] }
                  backward: { chain: [ echo, greeter ] }
                """, "weft.yaml");
        Scheduler scheduler = Scheduler.builder().threads(1).chains(config.chains(registry)).build();
        Task<String, String> forward = scheduler.task("forward", s -> s);
        Task<String, String> backward = scheduler.task("backward", s -> s);
        List<String> results = new java.util.concurrent.CopyOnWriteArrayList<>();
        forward.onResult((f, r) -> results.add(r));
        backward.onResult((f, r) -> results.add(r));
        scheduler.onStart(() -> forward.submit("fn"));
        forward.onResult((f, r) -> backward.submit("fn"));

        assertEquals(ExitState.Code.EXHAUSTED, scheduler.run().code());

        assertEquals(List.of("greeter(echo(fn))", "echo(greeter(fn))"), results);
    }

    @Test
    void theExecutorDefaultsToThreadsAndMayBeSequential() {
        assertEquals(WeftConfig.Executor.defaults(), WeftConfig.parse("", "empty.yaml").executor());
        assertEquals(new WeftConfig.Executor(WeftConfig.ExecutorType.SEQUENTIAL, 1),
                WeftConfig.parse("executor: { type: sequential }", "w.yaml").executor());
    }

    @Test
    void everyShapeProblemIsReportedAtOnceWithFileLineAndColumn() {
        ConfigException e = assertThrows(ConfigException.class, () -> WeftConfig.parse("""
                executor: { type: thread, workers: 0 }
                trusted-plugins: [ abc ]
                taks: {}
                plugins:
                  greeter: { enabled: maybe, sorce: x.jar }
                tasks:
                  evaluate:
                    chain: [ { greeter: {}, echo: {} } ]
                  fit:
                    chain: nope
                """, "weft.yaml"));
        assertEquals(List.of(
                "weft.yaml:1:19: executor.type: 'thread' is not an executor type (did you mean 'threads'?); expected threads or sequential",
                "weft.yaml:1:36: executor.workers: 0 is out of range; expected at least 1",
                "weft.yaml:2:20: trusted-plugins: 'abc' is not a SHA-256 digest; expected 64 hex digits (sha256sum prints them)",
                "weft.yaml:3:1: unknown key 'taks' (did you mean 'tasks'?); known: executor, trusted-plugins, plugins, tasks",
                "weft.yaml:5:23: plugins.greeter.enabled: 'maybe' is not true or false",
                "weft.yaml:5:30: plugins.greeter: unknown key 'sorce' (did you mean 'source'?); known: source, enabled",
                "weft.yaml:8:14: tasks.evaluate.chain: each entry is one plugin with its options, such as '- timeout: { limit: 2s }'",
                "weft.yaml:10:12: tasks.fit.chain: expected a list of plugins, such as [ { retry: { max-attempts: 3 } }, { timeout: { limit: 2s } } ]"),
                e.problems().stream().map(ConfigException.Problem::toString).toList());
        assertEquals(e.problems().get(0).toString(), e.getMessage().lines().findFirst().orElseThrow());
    }

    @Test
    void everyPluginProblemIsReportedAtOnceNamingTheClosestValidName() {
        WeftConfig config = WeftConfig.parse("""
                tasks:
                  evaluate:
                    chain:
                      - greter: {}
                      - greeter: { greting: hi }
                      - greeter: { times: many, pause: 5 parsecs }
                      - greeter: { times: 0 }
                      - greeter: { greeting: }
                  fit:
                    chain: [ ech ]
                """, "conf/weft.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> config.chains(registry));
        assertEquals(List.of(
                "conf/weft.yaml:4:9: tasks.evaluate: unknown plugin 'greter' (did you mean 'greeter'?); known: echo, greeter",
                "conf/weft.yaml:5:20: plugin 'greeter': unknown option 'greting' (did you mean 'greeting'?); known: greeting, times, pause",
                "conf/weft.yaml:6:27: plugin 'greeter': option 'times': 'many' is not a whole number, such as 4",
                "conf/weft.yaml:6:40: plugin 'greeter': option 'pause': '5 parsecs' is not a number and a unit (ns, us, ms, s, m, h), such as 250ms, 2s or 1.5m",
                "conf/weft.yaml:7:27: plugin 'greeter': option 'times': must be at least 1",
                "conf/weft.yaml:8:20: plugin 'greeter': option 'greeting' has no value; expected text",
                "conf/weft.yaml:10:14: tasks.fit: unknown plugin 'ech' (did you mean 'echo'?); known: echo, greeter"),
                e.problems().stream().map(ConfigException.Problem::toString).toList());
    }

    @Test
    void aPluginThatIsNotUsableIsAnErrorSayingWhy() {
        Path jar = PluginJars.jar("echo-copy.jar").plugin("weft.test.echo2", "t.echo2", "echo")
                .descriptor("echo-copy", "1.0.0", ">=0.1.0").build(dir);
        try (PluginRegistry ambiguous = PluginRegistry.builder().scanModulePath(false).pluginsDir(copyPlugins(jar)).load()) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> WeftConfig.parse("tasks: { a: { chain: [ echo ] } }", "w.yaml").chains(ambiguous));
            assertTrue(e.getMessage().startsWith("w.yaml:1:24: tasks.a: plugin 'echo' is not usable: "
                    + "ambiguous: plugin 'echo' comes from echo-1.0.jar and echo-copy.jar"), e.getMessage());
        }
    }

    @Test
    void malformedYamlIsAConfigExceptionWithItsPosition() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> WeftConfig.parse("tasks:\n  evaluate: { chain: [ retry \n", "bad.yaml"));
        assertEquals(1, e.problems().size());
        ConfigException.Problem problem = e.problems().get(0);
        assertEquals("bad.yaml", problem.file());
        assertEquals(3, problem.line());
        assertTrue(problem.message().startsWith("malformed YAML: "), problem.message());
    }

    @Test
    void aDuplicateKeyIsAnError() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> WeftConfig.parse("tasks: {}\nexecutor: {}\ntasks: {}\n", "dup.yaml"));
        assertEquals("dup.yaml:3:1: duplicate key 'tasks' (first at line 1)", e.getMessage());
    }

    @Test
    void aChainForATaskThatDoesNotExistIsAnErrorAtItsPosition() {
        WeftConfig config = WeftConfig.parse("""
                tasks:
                  "*": { chain: [ echo ] }
                  evaluat: { chain: [ echo ] }
                """, "weft.yaml");
        config.requireTasks(Set.of("evaluat", "fit"));
        ConfigException e = assertThrows(ConfigException.class, () -> config.requireTasks(List.of("evaluate", "fit")));
        assertEquals("weft.yaml:3:3: tasks.evaluat: there is no task 'evaluat' (did you mean 'evaluate'?); tasks: evaluate, fit",
                e.getMessage());
    }

    @Test
    void trustedDigestsPinsAndDisabledPluginsConfigureTheRegistry() throws IOException {
        WeftConfig config = WeftConfig.parse("""
                trusted-plugins: [ %s ]
                plugins:
                  greeter: { source: greeter-1.0.jar }
                  echo: { enabled: false }
                """.formatted(Digests.sha256(greeterJar).toUpperCase()), "weft.yaml");
        assertEquals(Optional.of(Set.of(Digests.sha256(greeterJar))), config.trustedPlugins());
        assertEquals(Map.of("greeter", "greeter-1.0.jar"), config.pinnedSources());
        assertEquals(Set.of("echo"), config.disabledPlugins());
        Path folder = copyPlugins(PluginJars.jar("untrusted.jar").plugin("weft.test.u", "t.u", "untrusted")
                .descriptor("untrusted", "1.0.0", "*").build(dir));
        try (PluginRegistry configured = PluginRegistry.builder().scanModulePath(false).pluginsDir(folder)
                .configure(config).load()) {
            assertEquals(Set.of("greeter"), configured.names(), configured::toString);
        }
    }

    @Test
    void aFileIsReadFromDisk() throws IOException {
        Path file = Files.writeString(dir.resolve("weft.yaml"), "tasks: { t: { chain: [ echo ] } }\n");
        assertEquals(List.of("echo"), WeftConfig.read(file).chains(registry).apply("t").names());
    }

    /** A plugins folder with the class's two jars and one more. */
    private Path copyPlugins(Path extra) {
        try {
            Path folder = Files.createTempDirectory(dir, "plugins");
            try (var jars = Files.list(plugins)) {
                for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                    Files.copy(jar, folder.resolve(jar.getFileName()));
                }
            }
            Files.copy(extra, folder.resolve(extra.getFileName()));
            return folder;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
