package dev.weft.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsTests {

    @Test
    void smallScalingCountsGetMorePassesSoTheirMedianIsNotOneRun() {
        Settings full = Settings.full(2);
        assertEquals(List.of(45, 15, 15), full.scalingCalls().stream().map(full::scalingPasses).toList(),
                "at least a quarter of 10^6 calls, and three runs of 10^4 per round to bracket two larger runs");
        Settings quick = Settings.quick(2);
        assertEquals(List.of(25, 3, 3), quick.scalingCalls().stream().map(quick::scalingPasses).toList());
    }

    @Test
    void everyScalingRoundRunsEveryCountAndItsShareOfTheExtraPasses() {
        Settings full = Settings.full(2);
        List<Integer> order = full.scalingOrder();

        assertEquals(45 + 15 + 15, order.size());
        for (int c = 0; c < 3; c++) {
            assertEquals(full.scalingPasses(full.scalingCalls().get(c)), Collections.frequency(order, c), "count " + c);
        }
        // Fifteen rounds of five runs: three of 10^4 calls around one of 10^5 and one of 10^6.
        for (int round = 0; round < 15; round++) {
            assertEquals(List.of(0, 1, 0, 2, 0), order.subList(round * 5, round * 5 + 5), "round " + round);
        }
        Settings quick = Settings.quick(2);
        List<List<Integer>> quickRounds = quick.scalingRounds();
        // Three rounds: the 10^4 passes are split 8, 8 and 9, the extra ones first.
        assertEquals(3, quickRounds.size());
        assertEquals(List.of(0, 0, 0, 0, 0, 0, 1, 0, 2, 0), quickRounds.get(0));
        assertEquals(9, Collections.frequency(quickRounds.get(2), 0));
        assertEquals(List.of(0, 1, 0, 2, 0), quickRounds.get(2).subList(6, 11));
    }

    @Test
    void everyLargerRunIsBracketedByRunsOfTheSmallestCount() {
        // The comparison divides each larger run's cost by the mean of its two neighbours'.
        for (Settings settings : List.of(Settings.full(2), Settings.quick(2), Settings.tiny(2))) {
            for (List<Integer> round : settings.scalingRounds()) {
                for (int c = 0; c < settings.scalingCalls().size(); c++) {
                    assertTrue(round.contains(c), "count " + c + " in " + round);
                }
                for (int i = 0; i < round.size(); i++) {
                    if (round.get(i) != 0) {
                        assertTrue(i > 0 && i < round.size() - 1 && round.get(i - 1) == 0 && round.get(i + 1) == 0,
                                "run " + i + " of " + round);
                    }
                }
            }
        }
    }
}
