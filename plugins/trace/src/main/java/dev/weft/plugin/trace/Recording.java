package dev.weft.plugin.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the trace plugin of one task saw, as raw clock readings. Workers add attempts and the loop
 * adds instants at the same time, so every part is thread-safe.
 */
final class Recording {

    /** Something that happened at one moment, on the loop (or, for a plugin's event, wherever it was emitted). */
    record Instant(long nanos, String name, String category, String task, Long call, Map<String, Object> args) {
    }

    /** One attempt of a call, run on one worker thread; {@code end} is -1 while it runs. */
    record Attempt(String task, long call, int attempt, long threadId, String threadName, long start, long end,
            String outcome) {

        boolean running() {
            return end < 0;
        }
    }

    /** A copy of everything recorded, taken for writing. */
    record Snapshot(long originNanos, long takenNanos, Map<Long, Long> submitted, List<Instant> instants,
            List<Attempt> attempts) {
    }

    private final String task;
    private final long originNanos;
    private final Map<Long, Long> submitted = new ConcurrentHashMap<>();
    private final Queue<Instant> instants = new ConcurrentLinkedQueue<>();
    private final Queue<Attempt> attempts = new ConcurrentLinkedQueue<>();
    private final Set<Attempt> running = ConcurrentHashMap.newKeySet();
    private final AtomicLong version = new AtomicLong();
    private volatile boolean finished;

    Recording(String task, long originNanos) {
        this.task = task;
        this.originNanos = originNanos;
    }

    String task() {
        return task;
    }

    void submitted(long call, long nanos) {
        submitted.putIfAbsent(call, nanos);
        version.incrementAndGet();
    }

    void instant(long nanos, String name, String category, Long call, Map<String, Object> args) {
        instants.add(new Instant(nanos, name, category, task, call, Map.copyOf(args)));
        version.incrementAndGet();
    }

    Attempt attemptStarted(long call, int attempt, Thread thread, long nanos) {
        Attempt started = new Attempt(task, call, attempt, thread.getId(), thread.getName(), nanos, -1, "running");
        running.add(started);
        version.incrementAndGet();
        return started;
    }

    void attemptEnded(Attempt started, long nanos, String outcome) {
        // Removed first: a snapshot taken in between misses the attempt until the next write, rather than
        // showing it twice.
        running.remove(started);
        attempts.add(new Attempt(task, started.call(), started.attempt(), started.threadId(), started.threadName(),
                started.start(), nanos, outcome));
        version.incrementAndGet();
    }

    /** @return a number that changes whenever something is recorded */
    long version() {
        return version.get();
    }

    boolean finished() {
        return finished;
    }

    void finished(boolean value) {
        finished = value;
    }

    Snapshot snapshot(long nowNanos) {
        List<Attempt> all = new ArrayList<>(attempts);
        all.addAll(running);
        return new Snapshot(originNanos, nowNanos, Map.copyOf(submitted), List.copyOf(instants), all);
    }
}
