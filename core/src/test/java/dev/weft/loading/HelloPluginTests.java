package dev.weft.loading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.ExitState;
import dev.weft.PluginInfo;
import dev.weft.PluginRegistry;
import dev.weft.PluginState;
import dev.weft.Scheduler;
import dev.weft.Task;
import dev.weft.WeftConfig;
import dev.weft.api.EventType;
import dev.weft.api.Field;
import dev.weft.api.OptionSpec;
import dev.weft.api.TaskFuture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The documented example plugin, end to end: its sources and manifest entries are taken from
 * examples/hello-plugin, compiled into a jar, dropped into a plugins folder and used by a task.
 */
class HelloPluginTests {

    private static final Path EXAMPLE = Path.of("..", "examples", "hello-plugin");

    @TempDir
    static Path plugins;

    @BeforeAll
    static void buildTheExampleIntoAPluginsFolder() throws IOException {
        PluginJars.Spec jar = PluginJars.jar("hello-plugin-1.0.0.jar");
        Path sources = EXAMPLE.resolve("src/main/java");
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                jar.source(sources.relativize(file).toString(), Files.readString(file));
            }
        }
        String pom = Files.readString(EXAMPLE.resolve("pom.xml"));
        for (String key : List.of("Plugin-Id", "Plugin-Version", "Plugin-Requires", "Plugin-Description")) {
            Matcher m = Pattern.compile("<" + key + ">(.*?)</" + key + ">").matcher(pom);
            assertTrue(m.find(), "the example's pom sets " + key);
            jar.manifest(key, m.group(1).replace("&gt;", ">"));
        }
        Path built = jar.build(Files.createTempDirectory(plugins, "build"));
        Files.move(built, plugins.resolve(built.getFileName()));
    }

    @Test
    void theExamplePluginIsListedShapesCallsFiresItsEventAndShowsInTheTree() {
        try (PluginRegistry registry = PluginRegistry.builder().pluginsDir(plugins).load()) {
            PluginInfo hello = registry.plugins().stream().filter(p -> p.name().equals("hello")).findFirst()
                    .orElseThrow(() -> new AssertionError(registry.toString()));
            assertEquals(PluginState.STARTED, hello.state(), hello::toString);
            assertEquals("1.0.0", hello.version());
            assertEquals("hello-plugin-1.0.0.jar", hello.source());
            assertEquals(List.of("hello-said"), hello.events());
            assertEquals(List.of("greeting", "refuse"), hello.options().stream().map(OptionSpec::name).toList());

            WeftConfig config = WeftConfig.parse("""
                    executor: { type: sequential }
                    tasks:
                      greet:
                        chain:
                          - hello: { greeting: hi, refuse: [ bad ] }
                    """, "weft.yaml");
            Scheduler scheduler = Scheduler.builder().sequential().chains(config.chains(registry)).build();
            Task<String, String> greet = scheduler.task("greet", s -> s.toUpperCase());
            Task<String, String> plain = scheduler.task("plain", s -> s);
            List<List<Field>> said = new ArrayList<>();
            List<String> results = new ArrayList<>();
            List<Optional<TaskFuture<String>>> submitted = new ArrayList<>();
            greet.on("hello-said", event -> said.add(EventType.fieldsOf(event)));
            // The typed EventType, as the factory lists it: the test cannot name the plugin's record class.
            List<Record> typed = new ArrayList<>();
            subscribe(greet, registry.factory("hello").events().get(0), typed);
            greet.onResult((future, result) -> results.add(result));
            scheduler.onStart(() -> {
                submitted.add(greet.submit("world"));
                submitted.add(greet.submit("bad"));
                submitted.add(plain.submit("bad"));
            });

            ExitState exit = scheduler.run();

            assertEquals(ExitState.Code.EXHAUSTED, exit.code(), exit::toString);
            assertEquals(List.of("hello"), greet.plugins());
            assertEquals(List.of(), plain.plugins(), "no '*' chain: other tasks get no plugins");
            assertTrue(submitted.get(0).isPresent(), "the plugin let 'world' through");
            assertTrue(submitted.get(1).isEmpty(), "the plugin vetoed 'bad'");
            assertTrue(submitted.get(2).isPresent(), "a task without the plugin is not shaped by it");
            assertEquals(List.of("WORLD"), results);
            assertEquals(List.of(List.of(new Field("text", "hi, world"))), said);
            assertEquals(1, greet.eventCount("hello-said"));
            assertEquals(1, typed.size());
            assertEquals("HelloSaid[text=hi, world]", typed.get(0).toString());
            String tree = scheduler.render();
            assertTrue(tree.contains("@hello-said 1"), tree);
            assertTrue(tree.contains("Plugin hello"), tree);
            List<String> lines = tree.lines().toList();
            int event = lines.indexOf(lines.stream().filter(l -> l.endsWith("@hello-said 1")).findFirst().orElseThrow());
            assertTrue(lines.get(event + 1).contains("HelloPluginTests"), "the event's visible handler is listed under it");
            assertTrue(tree.contains("Said 1") && tree.contains("Refused 1"), tree);
        }
    }

    private static <T extends Record> void subscribe(Task<?, ?> task, EventType<T> type, List<Record> into) {
        task.on(type, into::add);
    }
}
