package dev.weft.plugin.limiter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.api.OptionException;
import dev.weft.api.Options;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The call-limiter reports every option out of range at once, each with its option's name. */
class CallLimiterOptionProblemsTests {

    private final CallLimiterFactory factory = new CallLimiterFactory();

    @Test
    void everyOptionOutOfRangeIsAProblemAndEachRepeatedTaskOnce() {
        OptionException e = assertThrows(OptionException.class, () -> factory.create(Options.parse(factory.options(),
                Map.of("max-calls", 0, "max-concurrent", -1,
                        "not-while-running", List.of("train", " ", "fit", "train", "fit", "train")))));
        assertEquals(List.of(
                new OptionException.Problem("max-calls", "option 'max-calls' must be at least 1, got 0 (leave it out for no limit)"),
                new OptionException.Problem("max-concurrent", "option 'max-concurrent' must be at least 1, got -1 (leave it out for no limit)"),
                new OptionException.Problem("not-while-running", "option 'not-while-running' holds a blank task name"),
                new OptionException.Problem("not-while-running", "option 'not-while-running' names task 'train' twice"),
                new OptionException.Problem("not-while-running", "option 'not-while-running' names task 'fit' twice")),
                e.problems());
    }
}
