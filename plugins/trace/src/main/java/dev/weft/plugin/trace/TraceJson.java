package dev.weft.plugin.trace;

import dev.weft.plugin.trace.Recording.Attempt;
import dev.weft.plugin.trace.Recording.Instant;
import dev.weft.plugin.trace.Recording.Snapshot;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns recordings into the Trace Event Format: a JSON object whose {@code traceEvents} array
 * holds metadata ({@code M}), complete slices ({@code X}), instants ({@code i}) and async slices
 * ({@code b}/{@code e}), with times in microseconds.
 */
final class TraceJson {

    /** The track of the scheduler's loop thread. */
    static final int LOOP_TID = 0;
    private static final int PID = 1;

    /**
     * One event before writing, sorted by time so the file reads in order. Its fields are made
     * only as it is written, so a long run's trace never holds every event's fields at once.
     */
    private record Event(long nanos, int order, Consumer<JsonWriter> write) {
    }

    /** Text is handed to the file in pieces of about this size. */
    private static final int CHUNK = 1 << 16;

    private TraceJson() {
    }

    /**
     * Writes the trace of some recordings.
     *
     * @param snapshots what the recordings hold
     * @param sink where the JSON goes, in pieces
     * @return how many attempt slices the file holds
     * @throws IOException if the sink fails
     */
    static int render(List<Snapshot> snapshots, Writer sink) throws IOException {
        long base = snapshots.stream().mapToLong(Snapshot::originNanos).min().orElse(0);
        List<Attempt> attempts = new ArrayList<>();
        snapshots.forEach(s -> attempts.addAll(s.attempts()));
        attempts.sort(Comparator.comparingLong(Attempt::start));

        // Tracks are numbered in the order their threads first ran an attempt, so they stay small and stable.
        Map<Long, Integer> tids = new LinkedHashMap<>();
        Map<Long, String> threadNames = new HashMap<>();
        for (Attempt a : attempts) {
            tids.computeIfAbsent(a.threadId(), id -> tids.size() + 1);
            threadNames.putIfAbsent(a.threadId(), a.threadName());
        }

        List<Event> events = new ArrayList<>();
        for (Snapshot snapshot : snapshots) {
            for (Instant i : snapshot.instants()) {
                events.add(instant(i, base));
            }
            List<Attempt> own = new ArrayList<>(snapshot.attempts());
            own.sort(Comparator.comparingLong(Attempt::start));
            // A call waits from its submission for its first attempt, and from the end of each attempt for the next.
            Map<Long, Long> waitingSince = new HashMap<>();
            for (Attempt a : own) {
                Long from = a.attempt() == 1 ? snapshot.submitted().get(a.call()) : waitingSince.get(a.call());
                long wait = from == null ? -1 : Math.max(0, a.start() - from);
                if (from != null) {
                    events.addAll(queued(a, from, base));
                }
                long end = a.running() ? snapshot.takenNanos() : a.end();
                events.add(span(a, end, wait, tids.get(a.threadId()), base));
                waitingSince.put(a.call(), end);
            }
        }
        events.sort(Comparator.comparingLong(Event::nanos).thenComparingInt(Event::order));

        StringBuilder text = new StringBuilder(CHUNK + 4096);
        JsonWriter json = new JsonWriter(text);
        json.beginObject().name("traceEvents").beginArray();
        metadata(json, "process_name", LOOP_TID, "name", "weft");
        metadata(json, "thread_name", LOOP_TID, "name", "loop");
        metadata(json, "thread_sort_index", LOOP_TID, "sort_index", 0);
        for (Map.Entry<Long, Integer> t : tids.entrySet()) {
            metadata(json, "thread_name", t.getValue(), "name", threadNames.get(t.getKey()));
            metadata(json, "thread_sort_index", t.getValue(), "sort_index", t.getValue());
        }
        for (Event e : events) {
            json.beginObject();
            e.write().accept(json);
            json.endObject();
            if (text.length() >= CHUNK) {
                // The writer only appends, so the text written so far can leave the buffer.
                sink.write(text.toString());
                text.setLength(0);
            }
        }
        json.endArray();
        json.name("displayTimeUnit").value("ms");
        json.name("otherData").beginObject()
                .name("generator").value("weft trace plugin")
                .name("spans").value(attempts.size())
                .endObject();
        json.endObject();
        sink.write(text.toString());
        return attempts.size();
    }

    private static void metadata(JsonWriter json, String name, int tid, String argName, Object argValue) {
        json.beginObject().name("name").value(name).name("ph").value("M").name("pid").value(PID)
                .name("tid").value(tid).name("args").beginObject().name(argName).value(argValue).endObject()
                .endObject();
    }

    private static Event instant(Instant i, long base) {
        return new Event(i.nanos(), 1, json -> {
            json.name("name").value(i.name()).name("cat").value(i.category()).name("ph").value("i")
                    .name("s").value("t").name("ts").micros(i.nanos() - base).name("pid").value(PID)
                    .name("tid").value(LOOP_TID).name("args").beginObject().name("task").value(i.task());
            if (i.call() != null) {
                json.name("call").value(i.call().longValue());
            }
            i.args().forEach((k, v) -> json.name(k).value(v));
            json.endObject();
        });
    }

    private static List<Event> queued(Attempt a, long from, long base) {
        long to = Math.max(from, a.start());
        return List.of(new Event(from, 0, json -> queuedFields(json, a, from, base, true)),
                new Event(to, 0, json -> queuedFields(json, a, to, base, false)));
    }

    private static void queuedFields(JsonWriter json, Attempt a, long at, long base, boolean begins) {
        json.name("name").value("queued").name("cat").value("queue").name("ph").value(begins ? "b" : "e")
                .name("id").value(a.task() + "#" + a.call() + "." + a.attempt()).name("ts").micros(at - base)
                .name("pid").value(PID).name("tid").value(LOOP_TID);
        if (begins) {
            json.name("args").beginObject().name("task").value(a.task()).name("call").value(a.call())
                    .name("attempt").value(a.attempt()).endObject();
        }
    }

    private static Event span(Attempt a, long end, long waitNanos, int tid, long base) {
        return new Event(a.start(), 2, json -> {
            json.name("name").value(a.task() + " #" + a.call() + (a.attempt() > 1 ? " attempt " + a.attempt() : ""))
                    .name("cat").value("attempt").name("ph").value("X").name("ts").micros(a.start() - base)
                    .name("dur").micros(Math.max(0, end - a.start())).name("pid").value(PID).name("tid").value(tid)
                    .name("args").beginObject().name("task").value(a.task()).name("call").value(a.call())
                    .name("attempt").value(a.attempt()).name("outcome").value(a.outcome());
            if (waitNanos >= 0) {
                json.name("queue-wait-us").micros(waitNanos);
            }
            json.endObject();
        });
    }
}
