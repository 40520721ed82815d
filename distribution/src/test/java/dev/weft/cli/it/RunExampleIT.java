package dev.weft.cli.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.testkit.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code weft run} without a jar: the bundled Branin search, with the chain of conf/weft.yaml. */
class RunExampleIT {

    @TempDir
    Path dir;

    @Test
    void theBundledExampleExitsZeroAndShowsEveryPluginsEventsWithCounts() throws Exception {
        Weft.Result run = Weft.run(dir, "run").assertExit(0);

        for (String event : new String[] {"call-limit-reached", "retry", "timeout", "trace-written"}) {
            // A count of at least 1 (a zero count is drawn without a number).
            assertTrue(Pattern.compile("@" + event + " [1-9]\\d*\\R").matcher(run.out()).find(),
                    () -> "no @" + event + " with a count in the tree\n" + run.describe());
        }
        assertTrue(run.out().contains("Calls 60/60"), run::describe);
        assertTrue(run.out().contains("branin-search: best point #"), run::describe);
        assertTrue(run.out().contains("ended EXHAUSTED (exit code 0)"), run::describe);
        assertTrue(run.took().compareTo(Duration.ofSeconds(15)) < 0, () -> "took over 15s\n" + run.describe());

        Path trace = dir.resolve("weft-trace.json");
        assertTrue(run.out().contains("Trace: " + trace.toRealPath()), run::describe);
        Object json = Json.parse(Files.readString(trace));
        assertTrue(json instanceof java.util.List<?> events && events.stream().anyMatch(
                e -> e instanceof Map<?, ?> event && "attempt".equals(event.get("cat"))
                        && ("X".equals(event.get("ph")) || "B".equals(event.get("ph")))),
                () -> "the trace is not a closed array of events with attempts in it: " + trace);
    }

    @Test
    void noTraceLeavesTheTracePluginOutOfTheChain() {
        Weft.Result run = Weft.quick(dir, "run", "--no-trace", "--seed", "7").assertExit(0);

        assertFalse(run.out().contains("Plugin trace"), run::describe);
        assertTrue(run.out().contains("Plugin retry"), run::describe);
        assertTrue(run.out().contains("No trace was written."), run::describe);
        assertFalse(Files.exists(dir.resolve("weft-trace.json")), run::describe);
    }
}
