package dev.weft.plugin.trace;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Action;
import dev.weft.Chain;
import dev.weft.ExitState;
import dev.weft.ManualClock;
import dev.weft.RunOptions;
import dev.weft.Scheduler;
import dev.weft.Task;
import dev.weft.plugin.timeout.TimeoutPluginFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trace plugin in real schedulers, on a manual clock. */
class TraceSchedulerTests {

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock();
    private final Scheduler scheduler = Scheduler.builder().threads(2).clock(clock).build();
    private final List<TraceWrittenEvent> written = new CopyOnWriteArrayList<>();
    private final Map<Object, Long> callIds = new ConcurrentHashMap<>();

    private Chain traceChain(Path file) {
        return Chain.empty().then(new TracePluginFactory(), Map.of("file", file.toString(), "flush-every", "5s"));
    }

    private <A, R> void watch(Task<A, R> task) {
        task.on(TraceEvents.TRACE_WRITTEN, written::add);
        task.onSubmitted(future -> callIds.put(future.argument(), future.id()));
    }

    @Test
    void aTraceOfARealRunIsJsonWhoseSpansMatchTheAttemptsThatRan() throws Exception {
        Path file = dir.resolve("trace.json");
        CountDownLatch slowStarted = new CountDownLatch(1);
        CountDownLatch results = new CountDownLatch(3);
        Set<Integer> firstAttempts = ConcurrentHashMap.newKeySet();
        // [trace, retry, timeout]: call 2 hangs on its first attempt, times out, and succeeds when retried.
        Task<Integer, Integer> task = scheduler.task("work", x -> {
            if (x == 2 && firstAttempts.add(x)) {
                slowStarted.countDown();
                new CountDownLatch(1).await();
            }
            return x * 10;
        }, traceChain(file)
                .then("test-retry", () -> new RetryingTestPlugin(2, Duration.ofSeconds(1)))
                .then(new TimeoutPluginFactory(), Map.of("limit", "2s")));
        watch(task);
        CountDownLatch othersDone = new CountDownLatch(2);
        task.onResult((future, result) -> {
            results.countDown();
            if (result != 20) {
                othersDone.countDown();
            }
        });
        scheduler.onStart(() -> {
            task.submit(1);
            task.submit(2);
            task.submit(3);
        });
        CompletableFuture<ExitState> exit = runInBackground();

        assertTrue(slowStarted.await(5, SECONDS));
        // Only call 2's limit may be running when time moves, or a slow machine times out the others too.
        assertTrue(othersDone.await(5, SECONDS));
        clock.advance(Duration.ofSeconds(2));
        awaitLoopIdle();
        clock.advance(Duration.ofSeconds(1));
        assertTrue(results.await(5, SECONDS));
        assertEquals(ExitState.Code.EXHAUSTED, awaitExit(exit).code());

        long one = callIds.get(1);
        long two = callIds.get(2);
        long three = callIds.get(3);
        List<Map<String, Object>> events = traceEvents(file);
        List<Map<String, Object>> spans = byPhase(events, "X");
        assertEquals(Set.of(List.of(one, 1L), List.of(two, 1L), List.of(two, 2L), List.of(three, 1L)),
                spans.stream().map(s -> List.of(arg(s, "call"), arg(s, "attempt"))).collect(Collectors.toSet()));

        Map<String, Object> timedOut = spans.stream()
                .filter(s -> arg(s, "call") == two && arg(s, "attempt") == 1).findFirst().orElseThrow();
        // The span ends when the interrupted worker unwinds, which may be after the test moved the
        // clock on by the 1s back-off: at least the limit, at most limit plus back-off.
        BigDecimal ran = (BigDecimal) timedOut.get("dur");
        assertTrue(ran.compareTo(new BigDecimal("2000000")) >= 0 && ran.compareTo(new BigDecimal("3000000")) <= 0,
                "ran until the timeout interrupted it: " + ran);
        assertEquals("java.lang.InterruptedException", args(timedOut).get("outcome"));

        Set<Object> workerTids = spans.stream().map(s -> s.get("tid")).collect(Collectors.toSet());
        Map<Object, Object> threadNames = byPhase(events, "M").stream()
                .filter(m -> "thread_name".equals(m.get("name")))
                .collect(Collectors.toMap(m -> m.get("tid"), m -> args(m).get("name")));
        assertEquals("loop", threadNames.get(BigDecimal.ZERO));
        for (Object tid : workerTids) {
            assertFalse(BigDecimal.ZERO.equals(tid), "attempts run on workers, not the loop track");
            assertTrue(String.valueOf(threadNames.get(tid)).startsWith("weft-worker"), threadNames.toString());
        }

        assertEquals(List.of(one, two, three), instantCalls(events, "submitted"));
        assertEquals(Set.of(one, two, three), Set.copyOf(instantCalls(events, "result")));
        assertEquals(List.of(two), instantCalls(events, "timeout"), "the timeout plugin's decision");
        assertEquals(List.of(two), instantCalls(events, "test-retry"), "the retrying plugin's decision");

        List<Map<String, Object>> retryWait = events.stream()
                .filter(e -> "queue".equals(e.get("cat")) && (two + "." + 2).equals(idCall(e))).toList();
        assertEquals(List.of(new BigDecimal("2000000.000"), new BigDecimal("3000000.000")),
                retryWait.stream().map(e -> e.get("ts")).toList(), "waited from the timeout to the retry");
        assertEquals(4, byPhase(events, "b").size());
        assertEquals(4, byPhase(events, "e").size());

        TraceWrittenEvent last = written.get(written.size() - 1);
        assertEquals(file.toAbsolutePath(), last.path());
        assertEquals(4, last.spans());
    }

    @Test
    void flushEveryRewritesTheFileWhileCallsStillRun() throws Exception {
        Path file = dir.resolve("flushed.json");
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch flushed = new CountDownLatch(1);
        Task<Integer, Integer> task = scheduler.task("long", x -> {
            started.countDown();
            assertTrue(release.await(10, SECONDS));
            return x;
        }, traceChain(file));
        watch(task);
        task.on(TraceEvents.TRACE_WRITTEN, e -> flushed.countDown());
        scheduler.onStart(() -> task.submit(7));
        CompletableFuture<ExitState> exit = runInBackground();

        assertTrue(started.await(5, SECONDS));
        clock.advance(Duration.ofSeconds(4));
        assertFalse(Files.exists(file), "written before flush-every elapsed");
        clock.advance(Duration.ofSeconds(1));
        assertTrue(flushed.await(5, SECONDS));

        Map<String, Object> running = byPhase(traceEvents(file), "X").get(0);
        assertEquals("running", args(running).get("outcome"));
        assertEquals(new BigDecimal("5000000.000"), running.get("dur"));
        assertEquals(1, written.get(0).spans());

        release.countDown();
        awaitExit(exit);
        Map<String, Object> done = byPhase(traceEvents(file), "X").get(0);
        assertEquals("returned", args(done).get("outcome"));
        assertEquals(2, written.size(), "once by flush-every, once when the scheduler finished");
    }

    // ------------------------------------------------------------------ helpers

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> traceEvents(Path file) throws Exception {
        Map<String, Object> root = (Map<String, Object>) MiniJson.parse(Files.readString(file));
        return (List<Map<String, Object>>) root.get("traceEvents");
    }

    private static List<Map<String, Object>> byPhase(List<Map<String, Object>> events, String phase) {
        return events.stream().filter(e -> phase.equals(e.get("ph"))).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> args(Map<String, Object> event) {
        return (Map<String, Object>) event.get("args");
    }

    private static long arg(Map<String, Object> event, String name) {
        return ((BigDecimal) args(event).get(name)).longValueExact();
    }

    private static List<Long> instantCalls(List<Map<String, Object>> events, String name) {
        return byPhase(events, "i").stream().filter(e -> name.equals(e.get("name")))
                .peek(e -> assertEquals(BigDecimal.ZERO, e.get("tid"), name + " is on the loop track"))
                .map(e -> arg(e, "call")).toList();
    }

    /** The "call.attempt" part of a queued slice's id, which reads "task#call.attempt". */
    private static String idCall(Map<String, Object> event) {
        String id = String.valueOf(event.get("id"));
        return id.substring(id.indexOf('#') + 1);
    }

    private CompletableFuture<ExitState> runInBackground() {
        CompletableFuture<ExitState> exit = new CompletableFuture<>();
        Thread loop = new Thread(() -> {
            try {
                exit.complete(scheduler.run(RunOptions.defaults().onException(Action.CONTINUE)));
            } catch (Throwable t) {
                exit.completeExceptionally(t);
            }
        }, "test-loop");
        loop.start();
        return exit;
    }

    /** Waits for the run to end, for a bounded time. */
    private ExitState awaitExit(CompletableFuture<ExitState> exit) throws Exception {
        try {
            return exit.get(5, SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("the run did not end:\n" + scheduler.render(), e);
        }
    }

    /** Returns once the loop has handled everything posted before: a raw submit waits for the loop. */
    private void awaitLoopIdle() {
        scheduler.submit((Integer x) -> x, 0);
    }
}
