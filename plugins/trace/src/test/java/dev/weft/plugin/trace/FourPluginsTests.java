package dev.weft.plugin.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Action;
import dev.weft.Chain;
import dev.weft.ExitState;
import dev.weft.RunOptions;
import dev.weft.Scheduler;
import dev.weft.Task;
import dev.weft.api.TaskFuture;
import dev.weft.plugin.limiter.CallLimiterFactory;
import dev.weft.plugin.retry.RetryFactory;
import dev.weft.plugin.timeout.TimeoutPluginFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The four shipped plugins in one chain, {@code [trace, call-limiter, retry, timeout]}, on a real
 * scheduler: the limiter vetoes without spending calls on retries, retry re-runs a transient
 * failure and a timed-out attempt, and trace, outermost, records every attempt and decision.
 */
class FourPluginsTests {

    @TempDir
    Path dir;

    @Test
    void theFourPluginsTogetherShapeEveryCallAndTraceSeesItAll() throws Exception {
        Path file = dir.resolve("trace.json");
        Chain chain = Chain.empty()
                .then(new TracePluginFactory(), Map.of("file", file.toString()))
                .then(new CallLimiterFactory(), Map.of("max-calls", 3))
                .then(new RetryFactory(), Map.of("max-attempts", 3, "backoff", "10ms"))
                // Generous: only call 2's first attempt, which never returns by itself, may reach it.
                .then(new TimeoutPluginFactory(), Map.of("limit", "1s"));
        Scheduler scheduler = Scheduler.withThreads(2);
        Set<String> attempted = ConcurrentHashMap.newKeySet();
        Task<Integer, Integer> task = scheduler.task("evaluate", x -> {
            boolean first = attempted.add(x + "");
            if (x == 1 && first) {
                throw new IOException("transient");
            }
            if (x == 2 && first) {
                new CountDownLatch(1).await(); // hangs until the timeout interrupts it
            }
            return x * 10;
        }, chain);
        List<Optional<TaskFuture<Integer>>> submitted = new ArrayList<>();
        List<Integer> results = new ArrayList<>();
        task.onResult((f, r) -> results.add(r));
        scheduler.onStart(() -> {
            for (int x = 1; x <= 4; x++) {
                submitted.add(task.submit(x));
            }
        });

        ExitState exit = scheduler.run(RunOptions.defaults().onException(Action.CONTINUE));

        assertEquals(ExitState.Code.EXHAUSTED, exit.code());
        assertEquals(List.of(true, true, true, false), submitted.stream().map(Optional::isPresent).toList(),
                "the fourth call is vetoed: max-calls 3, and the two retries did not spend calls");
        assertEquals(Set.of(10, 20, 30), Set.copyOf(results));
        assertEquals(1, task.eventCount("call-limit-reached"));
        assertEquals(2, task.eventCount("retry"));
        assertEquals(1, task.eventCount("timeout"));
        assertEquals(3, task.eventCount("result"));
        assertEquals(0, task.eventCount("exception"));
        assertEquals(1, task.eventCount("trace-written"));

        String tree = scheduler.render();
        assertTrue(tree.contains("Calls 3/3"), tree);
        assertTrue(tree.contains("@call-limit-reached 1"), tree);
        assertTrue(tree.contains("@retry 2"), tree);
        assertTrue(tree.contains("@timeout 1"), tree);
        assertTrue(tree.contains("@trace-written 1"), tree);
        assertTrue(Pattern.compile("Written 1\\R").matcher(tree).find(), tree);

        List<Map<String, Object>> events = TraceReader.events(file);
        Map<Long, Long> attemptsPerCall = TraceReader.slices(events).stream()
                .collect(Collectors.groupingBy(TraceReader.Slice::call, Collectors.counting()));
        long one = submitted.get(0).orElseThrow().id();
        long two = submitted.get(1).orElseThrow().id();
        long three = submitted.get(2).orElseThrow().id();
        assertEquals(Map.of(one, 2L, two, 2L, three, 1L), attemptsPerCall, "a span for every attempt that ran");
        assertEquals(List.of("call-limit-reached", "retry", "retry", "timeout"), events.stream()
                .filter(e -> "i".equals(e.get("ph")))
                .map(e -> String.valueOf(e.get("name")))
                .filter(n -> Set.of("call-limit-reached", "retry", "timeout").contains(n))
                .sorted().toList(), "the other plugins' decisions are instants in the trace");
    }

    @Test
    void retryOutsideTimeoutGivesEachAttemptItsOwnLimit() {
        Chain chain = Chain.empty()
                .then(new RetryFactory(), Map.of("max-attempts", 3, "backoff", "10ms"))
                .then(new TimeoutPluginFactory(), Map.of("limit", "300ms"));
        Scheduler scheduler = Scheduler.withThreads(1);
        Set<Integer> attempts = ConcurrentHashMap.newKeySet();
        Task<Integer, Integer> task = scheduler.task("t", x -> {
            if (attempts.add(attempts.size() + 1) && attempts.size() < 3) {
                new CountDownLatch(1).await(); // the first two attempts hang until their own limit
            }
            return x;
        }, chain);
        scheduler.onStart(() -> task.submit(7));

        scheduler.run(RunOptions.defaults().onException(Action.CONTINUE));

        assertEquals(1, task.eventCount("result"), "the third attempt succeeded within its own limit");
        assertEquals(2, task.eventCount("timeout"));
        assertEquals(2, task.eventCount("retry"));
    }

    @Test
    void timeoutOutsideRetryLimitsTheWholeCallAndDropsThePendingRetry() {
        Chain chain = Chain.empty()
                .then(new TimeoutPluginFactory(), Map.of("limit", "300ms"))
                .then(new RetryFactory(), Map.of("max-attempts", 5, "backoff", "30s"));
        Scheduler scheduler = Scheduler.withThreads(1);
        Set<Integer> attempts = ConcurrentHashMap.newKeySet();
        Task<Integer, Integer> task = scheduler.task("t", x -> {
            attempts.add(attempts.size() + 1);
            throw new IOException("fails fast, then waits 30s for a retry");
        }, chain);
        List<Throwable> failures = new ArrayList<>();
        task.onException((f, e) -> failures.add(e));
        scheduler.onStart(() -> task.submit(7));

        scheduler.run(RunOptions.defaults().onException(Action.CONTINUE));

        assertEquals(Set.of(1), attempts, "the retry waiting when the limit hit was dropped");
        assertEquals(1, task.eventCount("timeout"));
        assertTrue(failures.get(0) instanceof dev.weft.api.TaskTimeoutException, String.valueOf(failures));
        assertEquals("fails fast, then waits 30s for a retry", failures.get(0).getSuppressed()[0].getMessage());
    }
}
