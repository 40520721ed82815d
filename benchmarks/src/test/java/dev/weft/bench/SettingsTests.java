package dev.weft.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
