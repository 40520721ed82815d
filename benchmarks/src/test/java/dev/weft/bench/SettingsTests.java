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
        assertEquals(List.of(25, 5, 5), full.scalingCalls().stream().map(full::scalingPasses).toList(),
                "25 passes of 10^4 calls run a quarter of 10^6 calls");
        Settings quick = Settings.quick(2);
        assertEquals(List.of(25, 2, 2), quick.scalingCalls().stream().map(quick::scalingPasses).toList());
    }

    @Test
    void everyScalingRoundRunsEveryCountAndItsShareOfTheExtraPasses() {
        Settings full = Settings.full(2);
        List<Integer> order = full.scalingOrder();

        assertEquals(25 + 5 + 5, order.size());
        for (int c = 0; c < 3; c++) {
            assertEquals(full.scalingPasses(full.scalingCalls().get(c)), Collections.frequency(order, c), "count " + c);
        }
        // Five rounds of seven runs: five of 10^4 calls, one of 10^5, one of 10^6.
        for (int round = 0; round < 5; round++) {
            List<Integer> runs = order.subList(round * 7, round * 7 + 7);
            assertEquals(List.of(0, 0, 0, 0, 0, 1, 2), runs, "round " + round);
        }
        // The comparison divides by the smallest count's cost in each round: every round has every count.
        for (Settings settings : List.of(full, Settings.quick(2), Settings.tiny(2))) {
            List<List<Integer>> rounds = settings.scalingRounds();
            for (List<Integer> round : rounds) {
                for (int c = 0; c < settings.scalingCalls().size(); c++) {
                    assertTrue(round.contains(c), "count " + c + " in " + rounds);
                }
            }
        }
        Settings quick = Settings.quick(2);
        List<Integer> quickOrder = quick.scalingOrder();
        assertEquals(25 + 2 + 2, quickOrder.size());
        // Two rounds: the 10^4 passes are split 12 and 13 around the larger counts, none left to the end.
        assertEquals(List.of(1, 2), quickOrder.subList(12, 14));
        assertTrue(quickOrder.subList(14, quickOrder.size()).stream().filter(c -> c == 0).count() == 13
                && quickOrder.get(quickOrder.size() - 1) == 2, quickOrder.toString());
    }
}
