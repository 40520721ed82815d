package dev.weft.plugin.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.api.OptionException;
import dev.weft.api.Options;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The retry plugin reports every option out of range at once, each with its option's name. */
class RetryOptionProblemsTests {

    private final RetryFactory factory = new RetryFactory();

    private List<OptionException.Problem> problems(Map<String, ?> raw) {
        return assertThrows(OptionException.class, () -> factory.create(Options.parse(factory.options(), raw)))
                .problems();
    }

    @Test
    void everyOptionOutOfRangeIsAProblem() {
        assertEquals(List.of(
                new OptionException.Problem("max-attempts", "option 'max-attempts' must be at least 1 (the first attempt counts), got 0"),
                new OptionException.Problem("multiplier", "option 'multiplier' must be a number of at least 1, got -3.0"),
                new OptionException.Problem("jitter", "option 'jitter' must be a fraction from 0 to 1, got 5.0"),
                new OptionException.Problem("max-duration", "option 'max-duration' must be positive, got 0s"),
                new OptionException.Problem("retry-on", "option 'retry-on' holds ' ', which is not a class name"),
                new OptionException.Problem("abort-on", "option 'abort-on' holds 'a b', which is not a class name")),
                problems(Map.of("jitter", 5, "multiplier", -3, "max-attempts", 0, "max-duration", "0s",
                        "retry-on", List.of(" "), "abort-on", List.of("a b"))));
    }

    @Test
    void maxBackoffIsComparedOnlyWithAValidBackoff() {
        // A file cannot write a negative duration; code can.
        OptionException negative = assertThrows(OptionException.class, () -> new RetryConfig(3, Duration.ofSeconds(-1),
                2, Optional.of(Duration.ofSeconds(-2)), 0, Optional.empty(), List.of(), List.of()));
        assertEquals(List.of(new OptionException.Problem("backoff", "option 'backoff' must not be negative, got PT-1S")),
                negative.problems());
        assertEquals(List.of(new OptionException.Problem("max-backoff", "option 'max-backoff' (1s) must be at least backoff (2s)")),
                problems(Map.of("backoff", "2s", "max-backoff", "1s")));
    }
}
