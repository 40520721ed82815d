package dev.weft.plugin.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceFileTests {

    @TempDir
    Path dir;

    private static Recording recordingWithOneAttempt(String task, long call) {
        Recording r = new Recording(task, 0);
        r.submitted(call, 1_000);
        Recording.Attempt a = r.attemptStarted(call, 1, Thread.currentThread(), 3_000);
        r.attemptEnded(a, 10_000, "returned");
        r.instant(11_000, "result", "call", call, Map.of());
        return r;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> events(Path file) throws Exception {
        Map<String, Object> root = (Map<String, Object>) MiniJson.parse(Files.readString(file));
        return (List<Map<String, Object>>) root.get("traceEvents");
    }

    @Test
    void tasksNamingTheSameFileShareItAndBothAppearInIt() throws Exception {
        Recording a = recordingWithOneAttempt("a", 1);
        Recording b = recordingWithOneAttempt("b", 2);
        TraceFile first = TraceFile.join(dir.resolve("t.json"), a);
        TraceFile second = TraceFile.join(dir.resolve("sub/../t.json"), b);
        assertSame(first, second);

        TraceFile.Written written = first.write(() -> 20_000, false);

        assertEquals(2, written.spans());
        List<Map<String, Object>> spans = events(written.path()).stream().filter(e -> "X".equals(e.get("ph"))).toList();
        assertEquals(List.of("a #1", "b #2"), spans.stream().map(e -> e.get("name")).sorted().toList());
    }

    @Test
    void aTraceLargerThanOneWrittenPieceIsStillOneWellFormedFileInTimeOrder() throws Exception {
        Recording r = new Recording("big", 0);
        int calls = 3_000; // about a megabyte of JSON: many pieces of the streamed write
        for (long call = 1; call <= calls; call++) {
            long t = call * 1_000;
            r.submitted(call, t);
            Recording.Attempt a = r.attemptStarted(call, 1, Thread.currentThread(), t + 100);
            r.attemptEnded(a, t + 900, "returned");
            r.instant(t + 950, "result", "call", call, Map.of("note", "\"quoted\" \n text"));
        }
        TraceFile file = TraceFile.join(dir.resolve("big.json"), r);

        TraceFile.Written written = file.write(() -> calls * 1_000L + 5_000, false);

        assertTrue(Files.size(written.path()) > 4 * 65_536, "spans several pieces: " + Files.size(written.path()));
        List<Map<String, Object>> events = events(written.path());
        assertEquals(calls, written.spans());
        assertEquals(calls, events.stream().filter(e -> "X".equals(e.get("ph"))).count());
        List<java.math.BigDecimal> times = events.stream().filter(e -> !"M".equals(e.get("ph")))
                .map(e -> (java.math.BigDecimal) e.get("ts")).toList();
        assertEquals(times.stream().sorted().toList(), times, "events are written in time order");
    }

    @Test
    void anUnchangedFileIsNotRewritten() throws Exception {
        Recording a = recordingWithOneAttempt("a", 1);
        TraceFile file = TraceFile.join(dir.resolve("t.json"), a);
        assertTrue(file.write(() -> 0, false).rewritten());
        assertFalse(file.write(() -> 0, false).rewritten());
        a.instant(12_000, "late", "call", 1L, Map.of());
        assertTrue(file.write(() -> 0, false).rewritten());
    }

    @Test
    void writingLeavesNoTemporaryFileBehind() throws Exception {
        TraceFile file = TraceFile.join(dir.resolve("t.json"), recordingWithOneAttempt("a", 1));
        file.write(() -> 0, false);
        file.write(() -> 0, true);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("t.json")), files.toList());
        }
    }

    @Test
    void onceEveryTaskFinishedTheNextRunStartsAFreshFile() throws Exception {
        Recording a = recordingWithOneAttempt("a", 1);
        Recording b = recordingWithOneAttempt("b", 2);
        TraceFile file = TraceFile.join(dir.resolve("t.json"), a);
        TraceFile.join(dir.resolve("t.json"), b);
        file.finished(a);
        assertSame(file, TraceFile.join(dir.resolve("t.json"), new Recording("c", 0)), "b has not finished");
    }

    @Test
    void aFileWhoseTasksAllFinishedLeavesTheRegistry() throws Exception {
        Recording a = recordingWithOneAttempt("a", 1);
        TraceFile file = TraceFile.join(dir.resolve("t.json"), a);
        file.finished(a);
        assertNotSame(file, TraceFile.join(dir.resolve("t.json"), new Recording("c", 0)));
    }

    @Test
    void aRunningAttemptIsWrittenUpToNowAndItsWaitAsAQueuedSlice() throws Exception {
        Recording r = new Recording("a", 0);
        r.submitted(1, 1_000);
        r.attemptStarted(1, 1, Thread.currentThread(), 4_000);
        TraceFile file = TraceFile.join(dir.resolve("t.json"), r);
        List<Map<String, Object>> events = events(file.write(() -> 9_000, false).path());

        Map<String, Object> span = events.stream().filter(e -> "X".equals(e.get("ph"))).findFirst().orElseThrow();
        assertEquals(new java.math.BigDecimal("4.000"), span.get("ts"));
        assertEquals(new java.math.BigDecimal("5.000"), span.get("dur"));
        assertEquals("running", ((Map<?, ?>) span.get("args")).get("outcome"));
        List<Map<String, Object>> queued = events.stream().filter(e -> "queue".equals(e.get("cat"))).toList();
        assertEquals(List.of("b", "e"), queued.stream().map(e -> e.get("ph")).toList());
        assertEquals(new java.math.BigDecimal("1.000"), queued.get(0).get("ts"));
        assertEquals(new java.math.BigDecimal("4.000"), queued.get(1).get("ts"));
    }
}
