package dev.weft.plugin.trace;

import static dev.weft.plugin.trace.TraceReader.args;
import static dev.weft.plugin.trace.TraceReader.byPhase;
import static dev.weft.plugin.trace.TraceReader.events;
import static dev.weft.plugin.trace.TraceReader.slices;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Action;
import dev.weft.Chain;
import dev.weft.ExitState;
import dev.weft.api.ManualClock;
import dev.weft.RunOptions;
import dev.weft.Scheduler;
import dev.weft.Task;
import dev.weft.api.Invocation;
import dev.weft.api.TaskPlugin;
import dev.weft.plugin.timeout.TimeoutPluginFactory;
import dev.weft.plugin.trace.TraceReader.Slice;
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
        // [watch, trace, retry, timeout]: call 2 hangs on its first attempt, times out, and succeeds when retried.
        // The abandoned attempt may unwind after the run ended; 'watch' says when trace has seen it end.
        CountDownLatch abandonedUnwound = new CountDownLatch(1);
        TaskPlugin watch = new TaskPlugin() {
            @Override
            public String name() {
                return "watch";
            }

            @Override
            public Object around(Invocation invocation) throws Exception {
                try {
                    return invocation.proceed();
                } finally {
                    if (invocation.attempt() == 1 && Integer.valueOf(2).equals(invocation.call().argument())) {
                        abandonedUnwound.countDown();
                    }
                }
            }
        };
        Task<Integer, Integer> task = scheduler.task("work", x -> {
            if (x == 2 && firstAttempts.add(x)) {
                slowStarted.countDown();
                new CountDownLatch(1).await();
            }
            return x * 10;
        }, Chain.of(watch)
                .then(new TracePluginFactory(), Map.of("file", file.toString(), "flush-every", "5s"))
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
        assertTrue(abandonedUnwound.await(5, SECONDS));

        long one = callIds.get(1);
        long two = callIds.get(2);
        long three = callIds.get(3);
        List<Map<String, Object>> events = events(file);
        List<Slice> spans = slices(events);
        assertEquals(Set.of(List.of(one, 1L), List.of(two, 1L), List.of(two, 2L), List.of(three, 1L)),
                spans.stream().map(s -> List.of(s.call(), s.attempt())).collect(Collectors.toSet()));

        Slice timedOut = spans.stream().filter(s -> s.call() == two && s.attempt() == 1).findFirst().orElseThrow();
        // The span ends when the interrupted worker unwinds, which may be after the test moved the
        // clock on by the 1s back-off: at least the limit, at most limit plus back-off.
        BigDecimal ran = timedOut.dur();
        assertTrue(ran.compareTo(new BigDecimal("2000000")) >= 0 && ran.compareTo(new BigDecimal("3000000")) <= 0,
                "ran until the timeout interrupted it: " + ran);
        assertEquals("java.lang.InterruptedException", timedOut.outcome());

        Set<Object> workerTids = spans.stream().map(Slice::tid).collect(Collectors.toSet());
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
        // From the timeout at 2s, or from the end of the timed-out attempt if its worker unwound
        // before the retry began (see above), to the retry at 3s.
        BigDecimal waitFrom = (BigDecimal) retryWait.get(0).get("ts");
        assertTrue(waitFrom.compareTo(new BigDecimal("2000000.000")) >= 0
                && waitFrom.compareTo(timedOut.ts().add(timedOut.dur())) <= 0, "waited from " + waitFrom);
        assertEquals(new BigDecimal("3000000.000"), retryWait.get(1).get("ts"), "until the retry");
        assertEquals(4, byPhase(events, "b").size());
        assertEquals(4, byPhase(events, "e").size());

        TraceWrittenEvent last = written.get(written.size() - 1);
        assertEquals(file.toAbsolutePath(), last.path());
        assertEquals(4, last.spans());
    }

    @Test
    void flushEveryWritesTheFileWhileCallsStillRun() throws Exception {
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
        awaitLoopIdle();
        assertFalse(Files.exists(file), "written before flush-every elapsed");
        clock.advance(Duration.ofSeconds(1));
        assertTrue(flushed.await(5, SECONDS));

        Slice running = slices(events(file)).get(0);
        assertNull(running.end(), "the attempt still runs: a slice without an end");
        assertEquals(new BigDecimal("0.000"), running.ts());
        assertEquals(1, written.get(0).spans());

        clock.advance(Duration.ofSeconds(1));
        release.countDown();
        awaitExit(exit);
        Slice done = slices(events(file)).get(0);
        assertEquals("returned", done.outcome());
        assertEquals(new BigDecimal("6000000.000"), done.dur());
        assertEquals(2, written.size(), "once by flush-every, once when the scheduler finished");
    }

    @Test
    void manySubmissionsReachTheFileBeforeAnyFlush() throws Exception {
        Path file = dir.resolve("many.json");
        int calls = 8_300;
        CountDownLatch lastStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Task<Integer, Integer> task = scheduler.task("many", x -> {
            if (x == calls) {
                lastStarted.countDown();
                assertTrue(release.await(10, SECONDS));
            }
            return x;
        }, traceChain(file));
        scheduler.onStart(() -> {
            for (int x = 1; x <= calls; x++) {
                task.submit(x);
            }
        });
        CompletableFuture<ExitState> exit = runInBackground();

        assertTrue(lastStarted.await(5, SECONDS));
        // Not yet published (flush-every is far off): the part file holds what was written.
        long submitted = byPhase(events(dir.resolve(".many.json.part"), false), "i").stream()
                .filter(e -> "submitted".equals(e.get("name"))).count();
        release.countDown();
        awaitExit(exit);

        assertTrue(submitted >= 8_192, "written as calls go, with flush-every far off: " + submitted);
    }

    @Test
    void aSecondRunOfTheSchedulerContinuesTheFile() throws Exception {
        Path file = dir.resolve("twice.json");
        Task<Integer, Integer> task = scheduler.task("again", x -> x, traceChain(file));
        watch(task);
        scheduler.onStart(() -> task.submit(callIds.size() + 1));

        awaitExit(runInBackground());
        awaitExit(runInBackground());

        assertEquals(List.of(callIds.get(1), callIds.get(2)),
                slices(events(file)).stream().map(Slice::call).toList(), "both runs' calls, in one well-formed file");
        assertEquals(2, written.get(written.size() - 1).spans());
    }

    // ------------------------------------------------------------------ helpers

    private static List<Long> instantCalls(List<Map<String, Object>> events, String name) {
        return byPhase(events, "i").stream().filter(e -> name.equals(e.get("name")))
                .peek(e -> assertEquals(BigDecimal.ZERO, e.get("tid"), name + " is on the loop track"))
                .map(e -> TraceReader.arg(e, "call")).toList();
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
