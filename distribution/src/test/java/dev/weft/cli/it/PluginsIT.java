package dev.weft.cli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.testkit.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code weft plugins}: what the installation's plugins/ folder (or another) holds. */
class PluginsIT {

    private static final Set<String> FIELDS = Set.of("name", "version", "source", "state", "reason", "events", "options");
    private static final Set<String> OPTION_FIELDS = Set.of("name", "type", "default", "doc");

    @TempDir
    Path dir;

    @Test
    void jsonListsTheFourShippedPluginsFromThePluginsFolderWithEveryField() {
        Weft.Result run = Weft.quick(dir, "plugins", "--json").assertExit(0);

        List<Map<String, Object>> plugins = plugins(run);
        assertEquals(List.of("call-limiter", "retry", "timeout", "trace"),
                plugins.stream().map(p -> p.get("name")).toList(), run::describe);
        for (Map<String, Object> plugin : plugins) {
            assertEquals(FIELDS, plugin.keySet(), run::describe);
            assertEquals("STARTED", plugin.get("state"), run::describe);
            assertEquals(null, plugin.get("reason"), run::describe);
            assertTrue(((String) plugin.get("source")).matches("weft-plugin-.*\\.jar"), run::describe);
            assertTrue(Files.isRegularFile(Weft.home().resolve("plugins").resolve((String) plugin.get("source"))));
            assertTrue(!((List<?>) plugin.get("events")).isEmpty(), run::describe);
            for (Object option : (List<?>) plugin.get("options")) {
                assertEquals(OPTION_FIELDS, ((Map<?, ?>) option).keySet(), run::describe);
            }
        }
        Map<String, Object> timeout = plugins.get(2);
        assertTrue(((List<?>) timeout.get("events")).containsAll(List.of("timeout", "timeout-ignored")), run::describe);
        assertTrue(((List<?>) timeout.get("options")).contains(Map.of("name", "interrupt", "type", "boolean",
                "default", "true", "doc", "interrupt the worker thread when the limit hits")), run::describe);
    }

    @Test
    void aBrokenJarIsListedAsFailedWithItsReasonAndTheOthersStillLoad() throws Exception {
        try (Stream<Path> jars = Files.list(Weft.home().resolve("plugins"))) {
            for (Path jar : jars.toList()) {
                Files.copy(jar, dir.resolve(jar.getFileName()));
            }
        }
        Files.writeString(dir.resolve("broken.jar"), "this is not a zip file");

        Weft.Result run = Weft.quick(dir, "plugins", "--plugins", dir.toString(), "--json").assertExit(0);

        Map<String, Map<String, Object>> byName = plugins(run).stream()
                .collect(Collectors.toMap(p -> (String) p.get("name"), p -> p));
        Map<String, Object> broken = byName.values().stream().filter(p -> "broken.jar".equals(p.get("source")))
                .findFirst().orElseThrow(() -> new AssertionError("broken.jar is not listed\n" + run.describe()));
        assertEquals("FAILED", broken.get("state"), run::describe);
        assertNotNull(broken.get("reason"), run::describe);
        for (String name : List.of("call-limiter", "retry", "timeout", "trace")) {
            assertEquals("STARTED", byName.get(name).get("state"), run::describe);
        }
    }

    @Test
    void anEmptyPluginsFolderListsNothing() {
        Weft.Result run = Weft.quick(dir, "plugins", "--plugins", dir.toString(), "--json").assertExit(0);

        assertEquals(List.of(), Json.parse(run.out().strip()), run::describe);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> plugins(Weft.Result run) {
        Object json = Json.parse(run.out().strip());
        assertTrue(json instanceof List<?>, run::describe);
        return (List<Map<String, Object>>) json;
    }
}
