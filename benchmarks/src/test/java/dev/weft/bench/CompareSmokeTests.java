package dev.weft.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.testkit.Json;
import dev.weft.testkit.MalformedJsonException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Runs the comparison with tiny counts: every line it prints must be a well-formed JSON object. */
class CompareSmokeTests {

    @Test
    @Timeout(30)
    void everyLineIsAJsonObjectWithTheIssuesKeys() throws Exception {
        List<Map<String, Object>> lines = runTiny();

        List<Map<String, Object>> comparisons = lines.stream()
                .filter(l -> Set.of("floor", "weft", "weft+plugins").contains(l.get("bench"))).toList();
        assertEquals(6, comparisons.size(), "three loads at K=2 and K=64: " + lines);
        for (Map<String, Object> line : comparisons) {
            assertEquals(List.of("bench", "k", "calls_per_s", "ratio_to_floor"),
                    new ArrayList<>(line.keySet()).subList(0, 4), "the issue's keys come first: " + line);
            assertTrue(((Number) line.get("calls_per_s")).doubleValue() > 0, line.toString());
            assertTrue(((Number) line.get("ratio_to_floor")).doubleValue() > 0, line.toString());
            // Not compared with cpu_ns_per_call: the process's CPU is counted in clock ticks, which
            // a tiny round can fall between, where the thread's comes from a precise clock.
            assertTrue(((Number) line.get("dispatcher_cpu_ns_per_call")).doubleValue() > 0, line.toString());
            double busy = ((Number) line.get("dispatcher_busy")).doubleValue();
            assertTrue(busy > 0 && busy <= 1.01, "the CPU is read within the wall time: " + line);
            double kernel = ((Number) line.get("dispatcher_kernel_share")).doubleValue();
            assertTrue(kernel >= 0 && kernel <= 1, line.toString());
        }
        comparisons.stream().filter(l -> l.get("bench").equals("floor"))
                .forEach(l -> assertEquals(1.0, ((Number) l.get("ratio_to_floor")).doubleValue(), 1e-9));
        List<Map<String, Object>> scaling = lines.stream().filter(l -> "weft-scaling".equals(l.get("bench"))).toList();
        assertEquals(2, scaling.size(), lines.toString());
        for (Map<String, Object> line : scaling) {
            double calls = ((Number) line.get("calls")).doubleValue();
            double whole = ((Number) line.get("ns_per_call")).doubleValue() * calls;
            double afterFirst = ((Number) line.get("ns_per_call_after_first_result")).doubleValue() * (calls - 1);
            double start = ((Number) line.get("first_result_us")).doubleValue() * 1e3;
            assertTrue(start > 0 && afterFirst > 0, line.toString());
            // In every run each part is at most the whole, so their medians are too.
            assertTrue(afterFirst <= whole && start <= whole, line.toString());
        }
        assertTrue(lines.stream().anyMatch(l -> "weft-memory".equals(l.get("bench"))
                && ((Number) l.get("bytes_per_call")).doubleValue() > 0), lines.toString());
    }

    @Test
    @Timeout(30)
    void theLastLineIsTheSummary() throws Exception {
        List<Map<String, Object>> lines = runTiny();

        Map<String, Object> last = lines.get(lines.size() - 1);
        assertEquals("summary", last.get("bench"));
        assertTrue(((String) last.get("targets_met")).matches("[0-4]/4"), last.toString());
        // The floor's own figures, which say which state the host was in, match its K=64 line.
        Map<String, Object> floor = lines.stream()
                .filter(l -> "floor".equals(l.get("bench")) && ((Number) l.get("k")).intValue() == 64)
                .findFirst().orElseThrow();
        assertEquals(((Number) floor.get("calls_per_s")).doubleValue(),
                ((Number) last.get("floor_k64_calls_per_s")).doubleValue(), 1e-3, last.toString());
        assertEquals(((Number) floor.get("cpu_ns_per_call")).doubleValue(),
                ((Number) last.get("floor_k64_cpu_ns_per_call")).doubleValue(), 1e-3, last.toString());
    }

    @Test
    void theJsonReaderRejectsWhatIsNotJson() {
        for (String bad : List.of("{\"a\":1", "{a:1}", "{\"a\":NaN}", "{\"a\":1} x", "{\"a\":\"b}")) {
            assertThrows(MalformedJsonException.class, () -> Json.parseObject(bad), bad);
        }
    }

    /** One tiny run serves every test: it is the slow part. */
    private static List<Map<String, Object>> tinyRun;

    private static synchronized List<Map<String, Object>> runTiny() throws Exception {
        if (tinyRun == null) {
            tinyRun = parse(printTiny());
        }
        return tinyRun;
    }

    private static String printTiny() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            Compare.run(Settings.tiny(2), out);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static List<Map<String, Object>> parse(String printed) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (String line : printed.split("\n")) {
            try {
                lines.add(Json.parseObject(line));
            } catch (MalformedJsonException e) {
                throw new AssertionError("not a JSON object: " + line, e);
            }
        }
        return lines;
    }
}
