package dev.weft.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.ConfigException;
import dev.weft.PluginRegistry;
import dev.weft.WeftConfig;
import dev.weft.loading.PluginJars;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every problem of one plugin entry is reported, each at its own option's line and column. */
class PluginOptionProblemsTests {

    @TempDir
    static Path plugins;

    static PluginRegistry registry;

    @BeforeAll
    static void loadPlugins() {
        // The greeter's create() rejects times below 1 and a blank greeting, both at once.
        PluginJars.jar("greeter-1.0.jar").plugin("weft.test.greeter", "t.greeter", "greeter")
                .descriptor("greeter", "1.0.0", ">=0.1.0").build(plugins);
        registry = PluginRegistry.builder().scanModulePath(false).pluginsDir(plugins).load();
    }

    @AfterAll
    static void unload() {
        registry.close();
    }

    private static List<String> problems(String yaml) {
        WeftConfig config = WeftConfig.parse(yaml, "weft.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> config.chains(registry));
        return e.problems().stream().map(ConfigException.Problem::toString).toList();
    }

    @Test
    void everyOutOfRangeOptionOfOneEntryIsReportedAtItsValue() {
        assertEquals(List.of(
                "weft.yaml:1:42: plugin 'greeter': option 'times': must be at least 1",
                "weft.yaml:1:55: plugin 'greeter': option 'greeting': must not be blank"),
                problems("tasks: { t: { chain: [ greeter: { times: 0, greeting: ' ' } ] } }"));
    }

    @Test
    void everyUnknownOrIllTypedOptionOfOneEntryIsReportedTheUnknownAtItsNameTheIllTypedAtItsValue() {
        assertEquals(List.of(
                "weft.yaml:3:32: plugin 'greeter': option 'times': 'many' is not a whole number, such as 4",
                "weft.yaml:3:38: plugin 'greeter': unknown option 'greting' (did you mean 'greeting'?); known: greeting, times, pause",
                "weft.yaml:3:58: plugin 'greeter': option 'pause': '5 parsecs' is not a number and a unit (ns, us, ms, s, m, h), such as 250ms, 2s or 1.5m"),
                problems("""
                        tasks:
                          t:
                            chain: [ greeter: { times: many, greting: hi, pause: 5 parsecs } ]
                        """));
    }

    @Test
    void rangesAreCheckedOnlyOnceNamesAndTypesAreRight() {
        // times: 0 is out of range, but the factory never sees it while 'pause' is ill-typed.
        assertEquals(List.of("weft.yaml:1:52: plugin 'greeter': option 'pause': 'x' is not a number and a unit (ns, us, ms, s, m, h), such as 250ms, 2s or 1.5m"),
                problems("tasks: { t: { chain: [ greeter: { times: 0, pause: x } ] } }"));
    }
}
