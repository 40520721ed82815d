package dev.weft.plugin.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.api.OptionException;
import dev.weft.api.OptionSpec;
import dev.weft.api.Options;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The retry plugin's options: what the factory declares, defaults, and each bad value named. */
class RetryOptionsTests {

    private final RetryFactory factory = new RetryFactory();

    private RetryConfig parse(Map<String, ?> raw) {
        return RetryConfig.from(Options.parse(factory.options(), raw));
    }

    private void assertRejected(String option, Map<String, ?> raw) {
        OptionException e = assertThrows(OptionException.class, () -> factory.create(Options.parse(factory.options(), raw)));
        assertEquals(option, e.option(), e.getMessage());
        assertTrue(e.getMessage().contains(option), e.getMessage());
    }

    @Test
    void factoryDeclaresItsNameOptionsAndEvents() {
        assertEquals("retry", factory.name());
        assertEquals(List.of("max-attempts", "backoff", "multiplier", "max-backoff", "jitter", "max-duration",
                "retry-on", "abort-on"), factory.options().stream().map(OptionSpec::name).toList());
        assertEquals(List.of("retry", "retries-exhausted", "retry-aborted"),
                factory.events().stream().map(e -> e.name()).toList());
    }

    @Test
    void declaredDefaultsAgreeWithTheConfigDefaults() {
        assertEquals(RetryConfig.defaults(), parse(Map.of()));
        assertEquals(RetryConfig.defaults(), RetryConfig.from(Options.empty()));
    }

    @Test
    void optionsAreReadIntoTheConfig() {
        RetryConfig config = parse(Map.of("max-attempts", 5, "backoff", "1s", "multiplier", 1.5,
                "max-backoff", "10s", "jitter", "0.2", "max-duration", "1m",
                "retry-on", List.of("IOException"), "abort-on", "java.lang.IllegalArgumentException"));

        assertEquals(new RetryConfig(5, Duration.ofSeconds(1), 1.5, Optional.of(Duration.ofSeconds(10)), 0.2,
                Optional.of(Duration.ofMinutes(1)), List.of("IOException"),
                List.of("java.lang.IllegalArgumentException")), config);
    }

    @Test
    void maxAttemptsBelowOneIsRejected() {
        assertRejected("max-attempts", Map.of("max-attempts", 0));
        assertRejected("max-attempts", Map.of("max-attempts", -2));
        assertRejected("max-attempts", Map.of("max-attempts", "many"));
    }

    @Test
    void aBackoffThatIsNotADurationIsRejected() {
        assertRejected("backoff", Map.of("backoff", "soon"));
        assertRejected("backoff", Map.of("backoff", "-1s"));
    }

    @Test
    void aMultiplierBelowOneIsRejected() {
        assertRejected("multiplier", Map.of("multiplier", 0.5));
        assertRejected("multiplier", Map.of("multiplier", "NaN"));
        assertRejected("multiplier", Map.of("multiplier", "Infinity"));
    }

    @Test
    void aMaxBackoffBelowBackoffIsRejected() {
        assertRejected("max-backoff", Map.of("backoff", "1s", "max-backoff", "500ms"));
        assertRejected("max-backoff", Map.of("max-backoff", 3));
    }

    @Test
    void jitterOutsideZeroToOneIsRejected() {
        assertRejected("jitter", Map.of("jitter", 1.5));
        assertRejected("jitter", Map.of("jitter", -0.1));
        assertRejected("jitter", Map.of("jitter", "NaN"));
    }

    @Test
    void aMaxDurationOfZeroIsRejected() {
        assertRejected("max-duration", Map.of("max-duration", "0"));
        assertRejected("max-duration", Map.of("max-duration", "forever"));
    }

    @Test
    void blankClassNamesAreRejected() {
        assertRejected("retry-on", Map.of("retry-on", List.of(" ")));
        assertRejected("abort-on", Map.of("abort-on", List.of("java.io. IOException")));
    }

    @Test
    void anUnknownOptionIsRejectedWithTheClosestName() {
        OptionException e = assertThrows(OptionException.class,
                () -> Options.parse(factory.options(), Map.of("max-atempts", 3)));

        assertEquals("max-atempts", e.option());
        assertTrue(e.getMessage().contains("max-attempts"), e.getMessage());
    }

    @Test
    void theConfigRecordChecksValuesWhenBuiltInCode() {
        OptionException e = assertThrows(OptionException.class, () -> new RetryConfig(0, Duration.ZERO, 2,
                Optional.empty(), 0, Optional.empty(), List.of(), List.of()));
        assertEquals("max-attempts", e.option());
    }
}
