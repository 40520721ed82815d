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
        Settings quick = Settings.quick(2);
        List<Integer> quickOrder = quick.scalingOrder();
        assertEquals(25 + 2 + 2, quickOrder.size());
        // Two rounds: the 10^4 passes are split 12 and 13 around the larger counts, none left to the end.
        assertEquals(List.of(1, 2), quickOrder.subList(12, 14));
        assertTrue(quickOrder.subList(14, quickOrder.size()).stream().filter(c -> c == 0).count() == 13
                && quickOrder.get(quickOrder.size() - 1) == 2, quickOrder.toString());
    }
}
