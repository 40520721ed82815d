package dev.weft.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How much to measure.
 *
 * @param workers pool size of every load (and the floor's)
 * @param calls calls per measured round
 * @param warmupCalls calls each of the floor and bare weft run once before anything is measured,
 *     a tenth of that for weft with plugins: on 2 cores, C2 needs over a million calls to finish
 *     compiling weft's path, and bare weft's rate doubles once it has
 * @param warmupRounds rounds of each load run and discarded first, per K
 * @param rounds measured rounds of each load, interleaved A/B/C, per K
 * @param inFlight the K values
 * @param scalingCalls call counts for the per-call cost of bare weft, smallest first
 * @param scalingPasses passes over {@code scalingCalls}, at the least; the median per count is
 *     kept (see {@link #scalingPasses(int)})
 * @param queued calls queued for the heap-per-call measurement
 * @param soakCalls calls of the soak run, 0 for none
 * @param quick whether this is the quick run (smaller counts)
 */
record Settings(int workers, int calls, int warmupCalls, int warmupRounds, int rounds, List<Integer> inFlight,
        List<Integer> scalingCalls, int scalingPasses, int queued, long soakCalls, boolean quick) {

    static final int SOAK_REPORT_EVERY = 1_000_000;

    static Settings full(int workers) {
        return new Settings(workers, 100_000, 2_000_000, 1, 5, List.of(2, 64), List.of(10_000, 100_000, 1_000_000), 15,
                100_000, 0, false);
    }

    /**
     * Under a minute: a shorter warm-up, fewer and smaller rounds, and three passes of the scaling
     * over the same counts as the full run (below 10^4 calls a run is mostly the JIT warming up).
     */
    static Settings quick(int workers) {
        return new Settings(workers, 50_000, 1_000_000, 1, 3, List.of(2, 64), List.of(10_000, 100_000, 1_000_000), 3,
                100_000, 0, true);
    }

    /** For the smoke test: tiny counts, only checks that every line is printed and well formed. */
    static Settings tiny(int workers) {
        return new Settings(workers, 500, 1_000, 1, 1, List.of(2, 64), List.of(100, 1_000), 1, 2_000, 0, true);
    }

    /**
     * Passes for one scaling count: {@code scalingPasses}, or more for a small count, so that its
     * passes run at least a quarter of the largest count's calls. A run of 10^4 calls takes a few
     * milliseconds, and one pause of the host in it moved its median by a third. The smallest
     * count also runs at least once more per round than the larger ones, to bracket each of them
     * (see {@link #scalingRounds()}).
     */
    int scalingPasses(int count) {
        int largest = scalingCalls.stream().mapToInt(Integer::intValue).max().orElse(count);
        int passes = Math.max(scalingPasses, largest / (4 * count));
        if (count == scalingCalls.get(0)) {
            passes = Math.max(passes, scalingPasses * scalingCalls.size());
        }
        return passes;
    }

    /**
     * The order of the scaling runs, as indexes into {@code scalingCalls}: {@code scalingPasses}
     * rounds, each running every count once and its share of a small count's extra passes. So a
     * change of the host's speed during the passes falls on every count alike, rather than on
     * the passes of a small count left to the end.
     */
    List<Integer> scalingOrder() {
        return scalingRounds().stream().flatMap(List::stream).toList();
    }

    /**
     * {@link #scalingOrder()} cut into its rounds. In each round, every run of a larger count has
     * a run of the smallest count (index 0) just before it and just after it, which it is
     * compared with: the host changes speed within a second, and a round lasts about one.
     *
     * @return the rounds, each running every count at least once
     */
    List<List<Integer>> scalingRounds() {
        List<List<Integer>> rounds = new ArrayList<>();
        for (int round = 0; round < scalingPasses; round++) {
            List<Integer> larger = new ArrayList<>();
            for (int c = 1; c < scalingCalls.size(); c++) {
                for (int p = 0; p < shareOfRound(c, round); p++) {
                    larger.add(c);
                }
            }
            int smallest = Math.max(shareOfRound(0, round), larger.size() + 1);
            List<Integer> runs = new ArrayList<>(Collections.nCopies(smallest - larger.size(), 0));
            for (int c : larger) {
                runs.add(c);
                runs.add(0);
            }
            rounds.add(runs);
        }
        return rounds;
    }

    /** @return how many of count {@code c}'s passes run in round {@code round} */
    private int shareOfRound(int c, int round) {
        int passes = scalingPasses(scalingCalls.get(c));
        return (round + 1) * passes / scalingPasses - round * passes / scalingPasses;
    }

    Settings withSoak(long calls) {
        return new Settings(workers, this.calls, warmupCalls, warmupRounds, rounds, inFlight, scalingCalls,
                scalingPasses, queued, calls, quick);
    }

    Settings withCalls(int perRound) {
        return new Settings(workers, perRound, warmupCalls, warmupRounds, rounds, inFlight, scalingCalls,
                scalingPasses, queued, soakCalls, quick);
    }
}
