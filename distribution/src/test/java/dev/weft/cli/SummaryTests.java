package dev.weft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.ExitState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SummaryTests {

    @Test
    void countsOfOneAreSingular() {
        RunCounts ones = new RunCounts(1, 0, 1, 1, 1, 1, 1, 1);

        assertEquals("weft: demo ended EXHAUSTED (exit code 0) after 1.5s: 1 call submitted, 1 returned a result, "
                + "1 failed, 1 cancelled; 1 submission vetoed, 1 retry, 1 attempt timed out. Configuration: none. "
                + "No trace was written.", paragraph(ones));
    }

    @Test
    void otherCountsArePlural() {
        RunCounts some = new RunCounts(60, 0, 60, 0, 0, 2, 0, 4);

        assertEquals("weft: demo ended EXHAUSTED (exit code 0) after 1.5s: 60 calls submitted, 60 returned a result, "
                + "0 failed, 0 cancelled; 2 submissions vetoed, 0 retries, 4 attempts timed out. Configuration: "
                + "w.yaml. No trace was written.", paragraph(some, Optional.of(Path.of("w.yaml"))));
    }

    private static String paragraph(RunCounts counts) {
        return paragraph(counts, Optional.empty());
    }

    private static String paragraph(RunCounts counts, Optional<Path> config) {
        return Summary.paragraph("demo", ExitState.of(ExitState.Code.EXHAUSTED), Duration.ofMillis(1500), counts,
                List.of(), config);
    }
}
