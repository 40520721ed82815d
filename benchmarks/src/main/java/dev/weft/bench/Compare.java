package dev.weft.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one-shot comparison: in one JVM, N no-op calls kept K in flight through (a) the floor, a
 * thread pool handing completions to one consumer thread; (b) weft with no plugins; (c) weft with
 * call-limiter, retry, timeout and trace. Rounds are interleaved A/B/C/A/B/C after warm-up rounds,
 * and the median of each load's rounds is reported, each round timed until everything is torn
 * down. Then the per-call cost of (b) at growing call counts, timed until the last result, so
 * that the run's fixed teardown does not make small runs look dearer per call; and the heap per
 * call in flight.
 *
 * <p>Each comparison line also gives the CPU per call of the one thread that takes completions
 * and submits the next calls (the floor's consumer, weft's loop), how busy that thread was (its
 * CPU over the wall time to the last result: near 1, it is the bottleneck) and the share of its
 * CPU spent in the kernel, mostly waking pool threads that had gone to sleep.
 *
 * <p>Prints one JSON object per line on standard output, then a summary line; progress goes to
 * standard error. Started by {@code benchmarks/compare.sh}.
 *
 * <pre>
 * --quick          fewer, smaller rounds and a shorter warm-up: under a minute
 * --soak           only the soak: 10^7 calls, the heap after GC every 10^6, and the slope
 * --soak-calls N   the soak's call count (reports every N/10)
 * --workers N      pool size of every load (default: the number of processors)
 * --calls N        calls per measured round
 * </pre>
 */
public final class Compare {

    static final double WEFT_TARGET = 0.5;
    static final double PLUGINS_TARGET = 0.25;
    static final double SCALING_TARGET = 0.20;
    static final double BYTES_TARGET = 1024;

    private Compare() {
    }

    /**
     * Runs the comparison.
     *
     * @param args see the class description
     * @throws Exception if a load fails
     */
    public static void main(String[] args) throws Exception {
        int workers = Runtime.getRuntime().availableProcessors();
        boolean quick = false;
        boolean soak = false;
        long soakCalls = 10_000_000L;
        Integer calls = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--soak" -> soak = true;
                case "--soak-calls" -> soakCalls = Long.parseLong(value(args, ++i, "--soak-calls"));
                case "--workers" -> workers = Integer.parseInt(value(args, ++i, "--workers"));
                case "--calls" -> calls = Integer.parseInt(value(args, ++i, "--calls"));
                default -> throw new IllegalArgumentException("unknown option '" + args[i]
                        + "'; known: --quick, --soak, --soak-calls N, --workers N, --calls N");
            }
        }
        Settings settings = quick ? Settings.quick(workers) : Settings.full(workers);
        if (calls != null) {
            settings = settings.withCalls(calls);
        }
        if (soak) {
            soak(settings.withSoak(soakCalls), System.out);
        } else {
            run(settings, System.out);
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException("option '" + option + "' needs a value");
        }
        return args[i];
    }

    /** Runs the comparison, the scaling and the memory measurements, and prints their lines. */
    static void run(Settings s, PrintStream out) throws Exception {
        double loadAtStart = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        List<Load> loads = List.of(new Floor(s.workers()), WeftLoad.bare(s.workers()),
                WeftLoad.withPlugins(s.workers()));
        Map<String, Double> k64 = new LinkedHashMap<>();
        // The floor's rate and CPU per call at K=64: they tell which state the host was in.
        double[] floorK64 = {Double.NaN, Double.NaN};
        progress("warm-up: %d calls of the floor and of weft, %d of weft+plugins, K=64", s.warmupCalls(),
                s.warmupCalls() / 10);
        for (Load load : loads) {
            load.run(load.name().equals("weft+plugins") ? s.warmupCalls() / 10 : s.warmupCalls(), 64);
        }
        for (int k : s.inFlight()) {
            progress("K=%d: %d warm-up and %d measured rounds of %d calls, A/B/C interleaved", k,
                    s.warmupRounds(), s.rounds(), s.calls());
            for (int r = 0; r < s.warmupRounds(); r++) {
                for (Load load : loads) {
                    load.run(s.calls(), k);
                }
            }
            double[][] rates = new double[loads.size()][s.rounds()];
            double[][] cpu = new double[loads.size()][s.rounds()];
            double[][] dispatcherCpu = new double[loads.size()][s.rounds()];
            double[][] dispatcherBusy = new double[loads.size()][s.rounds()];
            double[][] dispatcherKernel = new double[loads.size()][s.rounds()];
            for (int r = 0; r < s.rounds(); r++) {
                for (int l = 0; l < loads.size(); l++) {
                    long cpuBefore = Cpu.processNanos();
                    Load.Timing timing = loads.get(l).run(s.calls(), k);
                    cpu[l][r] = (double) (Cpu.processNanos() - cpuBefore) / s.calls();
                    rates[l][r] = s.calls() * 1e9 / timing.toTornDown();
                    dispatcherCpu[l][r] = (double) timing.dispatcher().totalNanos() / s.calls();
                    dispatcherBusy[l][r] = (double) timing.dispatcher().totalNanos() / timing.toLastResult();
                    dispatcherKernel[l][r] = timing.dispatcher().kernelShare();
                }
            }
            double floor = Stats.median(rates[0]);
            for (int l = 0; l < loads.size(); l++) {
                double median = Stats.median(rates[l]);
                double ratio = median / floor;
                out.println(new JsonLine().put("bench", loads.get(l).name()).put("k", k).put("calls_per_s", median)
                        .put("ratio_to_floor", ratio).put("calls", s.calls()).put("rounds", s.rounds())
                        .put("min_calls_per_s", Stats.min(rates[l])).put("max_calls_per_s", Stats.max(rates[l]))
                        .put("cpu_ns_per_call", Stats.median(cpu[l]))
                        .put("dispatcher_cpu_ns_per_call", Stats.median(dispatcherCpu[l]))
                        .put("dispatcher_busy", Stats.median(dispatcherBusy[l]))
                        .put("dispatcher_kernel_share", Stats.median(dispatcherKernel[l])));
                out.flush();
                if (k == 64) {
                    k64.put(loads.get(l).name(), ratio);
                    if (l == 0) {
                        floorK64[0] = median;
                        floorK64[1] = Stats.median(cpu[l]);
                    }
                }
            }
        }

        double[] scaling = scaling(s, out);

        progress("heap per call in flight, %d calls queued", s.queued());
        double bare = InFlightMemory.bytesPerCall(s.workers(), s.queued(), dev.weft.Chain.empty());
        out.println(new JsonLine().put("bench", "weft-memory").put("calls_in_flight", s.queued())
                .put("bytes_per_call", bare));
        java.nio.file.Path file = java.nio.file.Files.createTempFile("weft-bench-trace-", ".json");
        double withPlugins;
        try {
            withPlugins = InFlightMemory.bytesPerCall(s.workers(), s.queued(), Chains.allFour(file));
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
        out.println(new JsonLine().put("bench", "weft+plugins-memory").put("calls_in_flight", s.queued())
                .put("bytes_per_call", withPlugins));

        summary(s, out, loadAtStart, floorK64, k64.getOrDefault("weft", Double.NaN),
                k64.getOrDefault("weft+plugins", Double.NaN), scaling, bare);
    }

    /**
     * @return the spread of the per-call cost after the first result, each count relative to the
     *     smallest (the median over its runs of its cost over the mean of the smallest count's
     *     runs just before and after it), (slowest - fastest) / fastest; and its growth from the
     *     smallest count to the largest, relative - 1, negative when the cost fell as the run grew
     */
    private static double[] scaling(Settings s, PrintStream out) throws Exception {
        List<Integer> counts = s.scalingCalls();
        List<Integer> passes = counts.stream().map(s::scalingPasses).toList();
        progress("per-call cost of bare weft at %s calls, K=64, %s passes", counts, passes);
        Load weft = WeftLoad.bare(s.workers());
        List<List<Double>> nsPerCall = lists(counts.size());
        List<List<Double>> steadyPerCall = lists(counts.size());
        List<List<Double>> startMicros = lists(counts.size());
        List<List<Double>> cpuPerCall = lists(counts.size());
        List<List<Double>> relativeRuns = lists(counts.size());
        for (List<Integer> round : s.scalingRounds()) {
            double[] inRound = new double[round.size()];
            for (int i = 0; i < round.size(); i++) {
                int c = round.get(i);
                int n = counts.get(c);
                long cpuBefore = Cpu.processNanos();
                Load.Timing timing = weft.run(n, 64);
                cpuPerCall.get(c).add((double) (Cpu.processNanos() - cpuBefore) / n);
                nsPerCall.get(c).add((double) timing.toLastResult() / n);
                // Judged after the first result: before it, the run starts the pool's threads, a
                // cost per run (0.4 to 3.6 ms for two threads on the README's 2-core VM).
                inRound[i] = (double) (timing.toLastResult() - timing.toFirstResult()) / (n - 1);
                steadyPerCall.get(c).add(inRound[i]);
                startMicros.get(c).add(timing.toFirstResult() / 1e3);
            }
            // Each larger run against the smallest runs on either side of it, a few milliseconds
            // away: the host changes speed from one second to the next, and a round lasts about one.
            for (int i = 0; i < round.size(); i++) {
                int c = round.get(i);
                double bracket = c == 0 ? inRound[i] : (inRound[i - 1] + inRound[i + 1]) / 2;
                relativeRuns.get(c).add(inRound[i] / bracket);
            }
        }
        List<Double> relative = relativeRuns.stream().map(Stats::median).toList();
        double fastest = relative.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double slowest = relative.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        for (int c = 0; c < counts.size(); c++) {
            out.println(new JsonLine().put("bench", "weft-scaling").put("k", 64).put("calls", counts.get(c))
                    .put("ns_per_call_after_first_result", Stats.median(steadyPerCall.get(c)))
                    .put("relative_to_smallest", relative.get(c))
                    .put("ns_per_call", Stats.median(nsPerCall.get(c))).put("first_result_us", Stats.median(startMicros.get(c)))
                    .put("cpu_ns_per_call", Stats.median(cpuPerCall.get(c))).put("passes", passes.get(c)));
        }
        out.flush();
        return new double[] {(slowest - fastest) / fastest, relative.get(relative.size() - 1) - 1};
    }

    private static List<List<Double>> lists(int n) {
        List<List<Double>> lists = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            lists.add(new ArrayList<>());
        }
        return lists;
    }

    private static void summary(Settings s, PrintStream out, double loadAtStart, double[] floorK64, double weft,
            double plugins, double[] scaling, double bytes) {
        double spread = scaling[0];
        boolean weftMet = weft >= WEFT_TARGET;
        boolean pluginsMet = plugins >= PLUGINS_TARGET;
        boolean scalingMet = spread <= SCALING_TARGET;
        boolean bytesMet = bytes <= BYTES_TARGET;
        List<String> missed = new ArrayList<>();
        if (!weftMet) {
            missed.add("weft at K=64 below " + WEFT_TARGET + " of the floor");
        }
        if (!pluginsMet) {
            missed.add("weft+plugins at K=64 below " + PLUGINS_TARGET + " of the floor");
        }
        if (!scalingMet) {
            missed.add("per-call cost varies by more than 20%");
        }
        if (!bytesMet) {
            missed.add("more than 1 KiB per call in flight");
        }
        int met = 4 - missed.size();
        out.println(new JsonLine().put("bench", "summary").put("date", LocalDate.now().toString())
                .put("cores", Runtime.getRuntime().availableProcessors()).put("jdk", System.getProperty("java.version"))
                .put("workers", s.workers()).put("quick", s.quick())
                .put("load_average_at_start", Math.max(0, loadAtStart))
                .put("load_average_at_end",
                        Math.max(0, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()))
                .put("floor_k64_calls_per_s", floorK64[0]).put("floor_k64_cpu_ns_per_call", floorK64[1])
                .put("weft_k64_ratio", weft).put("plugins_k64_ratio", plugins)
                .put("scaling_spread", spread).put("scaling_growth", scaling[1]).put("bytes_per_call_in_flight", bytes)
                .put("targets_met", met + "/4").put("missed", String.join("; ", missed)));
        out.flush();
    }

    /** Runs only the soak and prints its lines and a summary line. */
    static void soak(Settings s, PrintStream out) {
        long every = Math.max(1, s.soakCalls() / 10);
        progress("soak: %d calls of bare weft, K=64, heap after GC every %d", s.soakCalls(), every);
        double slope = Soak.run(s.workers(), s.soakCalls(), every, out);
        out.println(new JsonLine().put("bench", "summary").put("date", LocalDate.now().toString())
                .put("cores", Runtime.getRuntime().availableProcessors()).put("jdk", System.getProperty("java.version"))
                .put("soak_calls", s.soakCalls()).put("heap_slope_bytes_per_million_calls", slope));
        out.flush();
    }

    private static void progress(String format, Object... args) {
        System.err.printf("compare: " + format + "%n", args);
    }
}
