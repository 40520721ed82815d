package dev.weft.plugin.trace;

import static dev.weft.plugin.trace.TraceReader.args;
import static dev.weft.plugin.trace.TraceReader.byPhase;
import static dev.weft.plugin.trace.TraceReader.events;
import static dev.weft.plugin.trace.TraceReader.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.plugin.trace.TraceReader.Slice;
import java.io.IOException;
import java.math.BigDecimal;
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

    private TraceFile join(Recording r, String path, TraceFile previous) {
        TraceFile file = TraceFile.join(dir.resolve(path), r, previous);
        r.writeTo(file);
        return file;
    }

    private static void oneCall(Recording r, long call, long at) {
        r.submitted(call, at, "x");
        r.attemptStarted(call, 1, Thread.currentThread(), at + 2_000);
        r.attemptEnded(call, 1, Thread.currentThread(), at + 9_000, "returned");
        r.ended(call, at + 10_000, "result", null);
    }

    /** A call submitted at 0 whose first attempt began at 1us on this thread. */
    private static void submittedAndStarted(Recording r, long call) {
        r.submitted(call, 0, "x");
        r.attemptStarted(call, 1, Thread.currentThread(), 1_000);
    }

    @Test
    void tasksNamingTheSameFileShareItAndBothAppearInIt() throws Exception {
        Recording a = new Recording("a", 0);
        Recording b = new Recording("b", 0);
        TraceFile first = join(a, "t.json", null);
        TraceFile second = join(b, "sub/../t.json", null);
        assertSame(first, second);
        oneCall(a, 1, 1_000);
        oneCall(b, 2, 1_000);

        assertEquals(2, first.flush().spans());
        assertFalse(first.finished(a).closed(), "b still runs");
        assertTrue(first.finished(b).closed());

        List<Slice> spans = slices(events(first.path()));
        assertEquals(List.of("a #1", "b #2"), spans.stream().map(s -> s.begin().get("name")).sorted().toList());
    }

    @Test
    void aTaskThatFinishesWhileAnotherStillWritesTheFilePublishesACopyWithItsCalls() throws Exception {
        Recording a = new Recording("a", 0);
        Recording b = new Recording("b", 0);
        TraceFile file = join(a, "t.json", null);
        join(b, "t.json", null);
        oneCall(a, 1, 1_000);

        TraceFile.Written written = file.finished(a);
        assertFalse(written.closed(), "b still runs");
        assertTrue(written.changed());
        assertEquals(List.of("a #1"), slices(events(file.path())).stream().map(s -> s.begin().get("name")).toList(),
                "a closed copy, readable while b goes on");

        oneCall(b, 2, 20_000);
        TraceFile.Written last = file.finished(b);
        assertTrue(last.closed());
        assertEquals(2, last.spans());
        assertEquals(2, slices(events(file.path())).size());
    }

    @Test
    void recordsGoToThePartFileAtADrainAndTheTraceAppearsOnlyWhenPublished() throws Exception {
        Recording r = new Recording("a", 0);
        TraceFile file = join(r, "t.json", null);
        Path part = dir.resolve(".t.json.part");
        oneCall(r, 1, 0);
        assertFalse(Files.exists(part), "records wait in the queue until a drain");

        file.drain();
        assertEquals(1, slices(events(part, false)).size(), "the part file is an unclosed array viewers open");
        assertFalse(Files.exists(file.path()), "not published before a flush");

        file.flush();
        assertEquals(1, slices(events(file.path())).size(), "a flush publishes a closed copy");
    }

    @Test
    void publishingLeavesNothingButTheTraceBehind() throws Exception {
        Recording r = new Recording("a", 0);
        TraceFile file = join(r, "t.json", null);
        oneCall(r, 1, 0);
        file.flush();
        oneCall(r, 2, 20_000);
        file.flush();
        file.finished(r);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("t.json")), files.toList());
        }
    }

    @Test
    void aLongTraceIsWrittenAsItGoesKeepingOnlyCallsInFlightAndEndsAsOneWellFormedFile() throws Exception {
        Recording r = new Recording("big", 0);
        TraceFile file = join(r, "big.json", null);
        int calls = 3_000; // about a megabyte of JSON: many pieces handed to the file
        for (long call = 1; call <= calls; call++) {
            long t = call * 1_000;
            r.submitted(call, t, "\"quoted\" \n text");
            r.attemptStarted(call, 1, Thread.currentThread(), t + 100);
            r.attemptEnded(call, 1, Thread.currentThread(), t + 900, "returned");
            r.ended(call, t + 950, "result", null);
            if (call % 500 == 0) {
                file.drain();
                assertEquals(0, r.callsInFlight(), "calls that ended are not kept");
            }
        }
        long written = Files.size(dir.resolve(".big.json.part"));
        assertTrue(written > 4 * 65_536, "streamed before the end: " + written + " bytes");

        assertTrue(file.finished(r).closed());

        List<Map<String, Object>> events = events(file.path());
        List<Slice> spans = slices(events);
        assertEquals(calls, spans.size());
        assertTrue(spans.stream().allMatch(s -> "returned".equals(s.outcome())), "every attempt has its end");
        assertEquals(new BigDecimal("0.800"), spans.get(0).dur());
        assertEquals("\"quoted\" \n text", args(byPhase(events, "i").get(0)).get("argument"));
    }

    @Test
    void aFlushMakesTheFileReadableAsItStandsAndSaysWhetherItChanged() throws Exception {
        Recording r = new Recording("a", 0);
        TraceFile file = join(r, "t.json", null);
        oneCall(r, 1, 0);

        TraceFile.Written written = file.flush();

        assertTrue(written.changed());
        assertEquals(1, written.spans());
        assertEquals(1, slices(events(file.path())).size(), "a closed, well-formed trace");
        assertFalse(file.flush().changed(), "nothing new");
        r.pluginEvent(1L, 20_000, "late", Map.of("why", 3));
        assertTrue(file.flush().changed());
        Map<String, Object> late = byPhase(events(file.path()), "i").stream()
                .filter(e -> "late".equals(e.get("name"))).findFirst().orElseThrow();
        assertEquals(Map.of("task", "a", "call", BigDecimal.ONE, "why", new BigDecimal(3)), args(late));
        assertEquals("plugin", late.get("cat"));
    }

    @Test
    void aRunningAttemptIsABeginWithoutAnEndAndItsWaitAQueuedSlice() throws Exception {
        Recording r = new Recording("a", 0);
        TraceFile file = join(r, "t.json", null);
        r.submitted(1, 1_000, "x");
        r.attemptStarted(1, 1, Thread.currentThread(), 4_000);
        file.flush();

        List<Map<String, Object>> events = events(file.path());
        Slice running = slices(events).get(0);
        assertEquals(new BigDecimal("4.000"), running.ts());
        assertNull(running.end());
        assertEquals(new BigDecimal("3.000"), args(running.begin()).get("queue-wait-us"));
        List<Map<String, Object>> queued = events.stream().filter(e -> "queue".equals(e.get("cat"))).toList();
        assertEquals(List.of("b", "e"), queued.stream().map(e -> e.get("ph")).toList());
        assertEquals(List.of(new BigDecimal("1.000"), new BigDecimal("4.000")),
                queued.stream().map(e -> e.get("ts")).toList());
    }

    @Test
    void anAttemptThatEndsWithinOneWriteIsOneCompleteEvent() throws Exception {
        Recording r = new Recording("a", 0);
        TraceFile file = join(r, "t.json", null);
        oneCall(r, 1, 1_000); // submitted at 1us, ran from 3us to 10us
        file.finished(r);

        List<Map<String, Object>> events = events(file.path());
        assertEquals(List.of(), byPhase(events, "B"));
        assertEquals(List.of(), byPhase(events, "E"));
        Map<String, Object> attempt = byPhase(events, "X").get(0);
        assertEquals("a #1", attempt.get("name"));
        assertEquals(new BigDecimal("3.000"), attempt.get("ts"));
        assertEquals(new BigDecimal("7.000"), attempt.get("dur"));
        assertEquals(BigDecimal.ONE, attempt.get("tid"), "the first worker track");
        assertEquals(Map.of("task", "a", "call", BigDecimal.ONE, "attempt", BigDecimal.ONE,
                "queue-wait-us", new BigDecimal("2.000"), "outcome", "returned"), args(attempt));
    }

    @Test
    void anAttemptRunningAcrossWritesIsABeginInOneAndAnEndInTheNext() throws Exception {
        Recording r = new Recording("a", 0);
        TraceFile file = join(r, "t.json", null);
        submittedAndStarted(r, 1);
        file.drain();
        r.attemptEnded(1, 1, Thread.currentThread(), 6_000, "returned");
        file.finished(r);

        List<Map<String, Object>> events = events(file.path());
        assertEquals(List.of(), byPhase(events, "X"));
        assertEquals(1, byPhase(events, "B").size());
        assertEquals(1, byPhase(events, "E").size());
        Slice slice = slices(events).get(0);
        assertEquals(new BigDecimal("5.000"), slice.dur());
        assertEquals("returned", slice.outcome());
    }

    @Test
    void aRetryWaitsFromTheEndOfTheAttemptBefore() throws Exception {
        Recording r = new Recording("a", 0);
        TraceFile file = join(r, "t.json", null);
        submittedAndStarted(r, 1);
        r.attemptEnded(1, 1, Thread.currentThread(), 2_000, "java.io.IOException");
        r.attemptStarted(1, 2, Thread.currentThread(), 7_000);
        r.attemptEnded(1, 2, Thread.currentThread(), 8_000, "returned");
        file.finished(r);

        List<Slice> spans = slices(events(file.path()));
        assertEquals(List.of("java.io.IOException", "returned"), spans.stream().map(Slice::outcome).toList());
        assertEquals(new BigDecimal("5.000"), args(spans.get(1).begin()).get("queue-wait-us"));
    }

    @Test
    void aRetryOfAnAbandonedAttemptWaitsFromThePluginsDecisionNotFromTheLateEnd() throws Exception {
        Recording r = new Recording("a", 0);
        TraceFile file = join(r, "t.json", null);
        Thread stuck = new Thread(() -> { }, "stuck-worker");
        r.submitted(1, 0, "x");
        r.attemptStarted(1, 1, stuck, 1_000);
        r.pluginEvent(1L, 5_000, "timeout", Map.of());
        r.attemptStarted(1, 2, Thread.currentThread(), 7_000);
        r.attemptEnded(1, 1, stuck, 9_000, "java.lang.InterruptedException"); // the stuck worker unwinds late
        r.attemptEnded(1, 2, Thread.currentThread(), 10_000, "returned");
        file.finished(r);

        List<Slice> spans = slices(events(file.path()));
        assertEquals(new BigDecimal("2.000"), args(spans.get(1).begin()).get("queue-wait-us"),
                "from the timeout at 5us to the retry at 7us");
        assertEquals(List.of("java.lang.InterruptedException", "returned"),
                spans.stream().map(Slice::outcome).toList(), "each end closes its own attempt's slice");
    }

    @Test
    void anAttemptEndingAfterItsCallEndedDoesNotBringTheCallBack() throws Exception {
        Recording r = new Recording("a", 0);
        TraceFile file = join(r, "t.json", null);
        submittedAndStarted(r, 1);
        r.ended(1, 2_000, "cancelled", null);
        r.attemptEnded(1, 1, Thread.currentThread(), 3_000, "java.lang.InterruptedException");
        file.drain();
        assertEquals(0, r.callsInFlight());
    }

    @Test
    void aFileWhoseTasksAllFinishedIsClosedAndLeavesTheRegistry() throws Exception {
        Recording a = new Recording("a", 0);
        Recording b = new Recording("b", 0);
        TraceFile file = join(a, "t.json", null);
        join(b, "t.json", null);
        file.finished(a);
        assertSame(file, TraceFile.join(dir.resolve("t.json"), new Recording("c", 0), null), "b has not finished");

        Recording d = new Recording("d", 0);
        TraceFile other = join(d, "u.json", null);
        assertTrue(other.finished(d).closed());
        assertEquals(List.of(), byPhase(events(other.path()), "B"), "an empty but well-formed trace");
        assertNotSame(other, TraceFile.join(dir.resolve("u.json"), new Recording("e", 0), null));
    }

    @Test
    void aRecordingThatRunsAgainContinuesTheFileItClosed() throws Exception {
        Recording r = new Recording("a", 0);
        TraceFile first = join(r, "t.json", null);
        oneCall(r, 1, 0);
        first.finished(r);

        r.finished(false);
        TraceFile again = join(r, "t.json", first);
        oneCall(r, 2, 50_000);
        again.finished(r);

        assertSame(first, again);
        assertEquals(List.of(1L, 2L), slices(events(again.path())).stream().map(Slice::call).toList(),
                "one well-formed file with both runs' calls");
    }

    @Test
    void anAttemptEndingAfterTheFileClosedIsStillWrittenIntoIt() throws Exception {
        Recording r = new Recording("a", 0);
        TraceFile file = join(r, "t.json", null);
        submittedAndStarted(r, 1);
        r.ended(1, 2_000, "cancelled", null);
        assertTrue(file.finished(r).closed());
        assertNull(slices(events(file.path())).get(0).end(), "closed while the abandoned attempt still ran");

        r.attemptEnded(1, 1, Thread.currentThread(), 3_000, "java.lang.InterruptedException");

        Slice late = slices(events(file.path())).get(0);
        assertEquals("java.lang.InterruptedException", late.outcome(), "written into the closed trace, which stays closed");
        assertEquals(0, file.queued());
    }

    @Test
    void aLateEventOfAFileThatAnotherTraceTookOverIsNotWrittenIntoIt() throws Exception {
        Recording old = new Recording("old", 0);
        TraceFile first = join(old, "t.json", null);
        submittedAndStarted(old, 1);
        first.finished(old);
        Recording next = new Recording("next", 0);
        TraceFile second = join(next, "t.json", null);
        oneCall(next, 7, 0);
        second.drain();

        old.attemptEnded(1, 1, Thread.currentThread(), 3_000, "returned");
        second.finished(next);

        assertNotSame(first, second);
        assertEquals(List.of(7L), slices(events(second.path())).stream().map(Slice::call).toList());
        assertEquals(0, first.queued(), "dropped, with a warning, rather than kept");
    }

    @Test
    void aClosedFileChangedByOthersIsStartedAfresh() throws Exception {
        Recording r = new Recording("a", 0);
        TraceFile first = join(r, "t.json", null);
        oneCall(r, 1, 0);
        first.finished(r);
        Files.writeString(first.path(), "[]");

        r.finished(false);
        TraceFile again = join(r, "t.json", first);
        oneCall(r, 2, 50_000);
        again.finished(r);

        assertEquals(List.of(2L), slices(events(again.path())).stream().map(Slice::call).toList());
    }

    @Test
    void aFileThatCannotBeWrittenIsNamedAndItsRecordsWait() throws Exception {
        Files.writeString(dir.resolve("blocker"), "a file where a directory should be");
        Recording r = new Recording("a", 0);
        TraceFile file = join(r, "blocker/t.json", null);
        oneCall(r, 1, 0);

        IOException e = assertThrows(IOException.class, file::flush);

        assertTrue(e.getMessage().contains(dir.resolve("blocker/t.json").toString()), e.getMessage());
        assertEquals(4, file.queued(), "nothing recorded is dropped");
    }
}
