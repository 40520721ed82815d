package dev.weft.plugin.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.Chain;
import dev.weft.Scheduler;
import dev.weft.Task;
import dev.weft.api.TaskFuture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;

/** The {@code log} option: while an attempt runs, the call's id is in the MDC, so the function's own logs carry it. */
class TraceLogTests {

    @TempDir
    Path dir;

    private List<String> mdcSeenByCalls(boolean log) {
        RecordingLogs.LINES.clear();
        Scheduler scheduler = Scheduler.withThreads(2);
        Task<Integer, String> task = scheduler.task("logged", x -> String.valueOf(MDC.get("weft.call")),
                Chain.empty().then(new TracePluginFactory(),
                        Map.of("file", dir.resolve("t.json").toString(), "log", log)));
        List<String> seen = new ArrayList<>();
        List<TaskFuture<String>> futures = new ArrayList<>();
        task.onResult((f, mdc) -> seen.add(f.id() + "=" + mdc));
        scheduler.onStart(() -> {
            for (int i = 0; i < 3; i++) {
                task.submit(i).ifPresent(futures::add);
            }
        });
        scheduler.run();
        return seen.stream().sorted().toList();
    }

    @Test
    void withLogTheCallsIdIsInTheMdcWhileItRuns() {
        List<String> seen = mdcSeenByCalls(true);
        assertEquals(3, seen.size());
        for (String entry : seen) {
            String[] idAndMdc = entry.split("=");
            assertEquals(idAndMdc[0], idAndMdc[1], "the MDC holds this call's id: " + seen);
        }
        assertEquals(Optional.empty(), Optional.ofNullable(MDC.get("weft.call")), "nothing left in the loop's MDC");
        List<String> submittedLines = RecordingLogs.LINES.stream().filter(l -> l.contains(" submitted with ")).toList();
        assertEquals(3, submittedLines.size(), String.valueOf(RecordingLogs.LINES));
        for (String line : submittedLines) {
            String id = line.substring(0, line.indexOf('|'));
            assertEquals("logged #" + id + " submitted with", line.substring(line.indexOf('|') + 1, line.lastIndexOf(' ')),
                    "each step is logged at DEBUG with its call's id in the MDC");
        }
    }

    @Test
    void withoutLogTheMdcIsLeftAlone() {
        assertEquals(List.of("null"), mdcSeenByCalls(false).stream().map(e -> e.split("=")[1]).distinct().toList());
        assertEquals(List.of(), RecordingLogs.LINES, "nothing logged without the option");
    }
}
