package dev.weft.plugin.trace;

import dev.weft.testkit.Json;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Reads a trace file as a trace viewer does, for tests. */
final class TraceReader {

    /**
     * One attempt: a complete event ({@code X}), or a begin ({@code B}) and, once it ended, its end
     * ({@code E}); {@code end} is null while it runs, and the event itself for a complete one.
     */
    record Slice(Map<String, Object> begin, Map<String, Object> end) {

        long call() {
            return arg(begin, "call");
        }

        long attempt() {
            return arg(begin, "attempt");
        }

        Object tid() {
            return begin.get("tid");
        }

        BigDecimal ts() {
            return (BigDecimal) begin.get("ts");
        }

        boolean complete() {
            return "X".equals(begin.get("ph"));
        }

        /** @return microseconds from begin to end */
        BigDecimal dur() {
            return complete() ? (BigDecimal) begin.get("dur") : ((BigDecimal) end.get("ts")).subtract(ts());
        }

        Object outcome() {
            return end == null ? null : args(end).get("outcome");
        }
    }

    private TraceReader() {
    }

    /**
     * The events of a trace file. A file still being written may lack its closing bracket, which
     * the format allows; a closed file must be strict JSON.
     */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> events(Path file, boolean closed) throws Exception {
        String text = Files.readString(file).strip();
        if (!closed && !text.endsWith("]")) {
            text = text + "]";
        }
        return (List<Map<String, Object>>) Json.parse(text);
    }

    /** @return the closed file's events */
    static List<Map<String, Object>> events(Path file) throws Exception {
        return events(file, true);
    }

    static List<Map<String, Object>> byPhase(List<Map<String, Object>> events, String phase) {
        return events.stream().filter(e -> phase.equals(e.get("ph"))).toList();
    }

    /**
     * Each attempt's slice, as viewers see them: complete events as they are, and each begin paired
     * with its end per thread track; in the order they began.
     */
    static List<Slice> slices(List<Map<String, Object>> events) {
        List<Map<String, Object>> sorted = new ArrayList<>(events.stream()
                .filter(e -> "B".equals(e.get("ph")) || "E".equals(e.get("ph")) || "X".equals(e.get("ph"))).toList());
        // Stable: a B and an E at the same time on one track stay in file order.
        sorted.sort((a, b) -> ((BigDecimal) a.get("ts")).compareTo((BigDecimal) b.get("ts")));
        Map<Object, Deque<Map<String, Object>>> open = new HashMap<>();
        Map<Map<String, Object>, Map<String, Object>> ends = new IdentityHashMap<>();
        List<Map<String, Object>> begins = new ArrayList<>();
        for (Map<String, Object> e : sorted) {
            Deque<Map<String, Object>> stack = open.computeIfAbsent(e.get("tid"), t -> new ArrayDeque<>());
            if ("X".equals(e.get("ph"))) {
                begins.add(e);
                ends.put(e, e);
            } else if ("B".equals(e.get("ph"))) {
                stack.push(e);
                begins.add(e);
            } else {
                Map<String, Object> begin = stack.pop();
                ends.put(begin, e);
            }
        }
        return begins.stream().map(b -> new Slice(b, ends.get(b))).toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> args(Map<String, Object> event) {
        return (Map<String, Object>) event.get("args");
    }

    static long arg(Map<String, Object> event, String name) {
        return ((BigDecimal) args(event).get(name)).longValueExact();
    }
}
