package dev.weft.plugin.limiter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.api.OptionException;
import dev.weft.api.OptionSpec;
import dev.weft.api.Options;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The call-limiter's options: what the factory declares, and each bad value named. */
class CallLimiterOptionsTests {

    private final CallLimiterFactory factory = new CallLimiterFactory();

    private OptionException rejected(Map<String, ?> raw) {
        return assertThrows(OptionException.class, () -> factory.create(Options.parse(factory.options(), raw)));
    }

    @Test
    void factoryDeclaresItsNameOptionsAndEvents() {
        assertEquals("call-limiter", factory.name());
        assertEquals(List.of("max-calls", "max-concurrent", "not-while-running"),
                factory.options().stream().map(OptionSpec::name).toList());
        assertTrue(factory.options().stream().allMatch(o -> o.defaultValue().isEmpty()));
        assertEquals(List.of("call-limit-reached", "concurrent-limit-reached", "disabled-due-to-running-task"),
                factory.events().stream().map(e -> e.name()).toList());
    }

    @Test
    void noOptionsMeansNoLimits() {
        assertEquals(CallLimiterConfig.unlimited(), CallLimiterConfig.from(Options.parse(factory.options(), Map.of())));
    }

    @Test
    void optionsAreReadIntoTheConfig() {
        CallLimiterConfig config = CallLimiterConfig.from(Options.parse(factory.options(),
                Map.of("max-calls", "10", "max-concurrent", 4, "not-while-running", "train")));

        assertEquals(new CallLimiterConfig(OptionalInt.of(10), OptionalInt.of(4), List.of("train")), config);
    }

    @Test
    void maxCallsOfZeroOrLessIsRejectedByName() {
        assertEquals("max-calls", rejected(Map.of("max-calls", 0)).option());
        assertEquals("max-calls", rejected(Map.of("max-calls", -3)).option());
        assertTrue(rejected(Map.of("max-calls", 0)).getMessage().contains("max-calls"));
    }

    @Test
    void maxConcurrentOfZeroOrLessIsRejectedByName() {
        assertEquals("max-concurrent", rejected(Map.of("max-concurrent", 0)).option());
        assertEquals("max-concurrent", rejected(Map.of("max-concurrent", -1)).option());
    }

    @Test
    void aLimitThatIsNotAWholeNumberIsRejectedByName() {
        assertEquals("max-calls", rejected(Map.of("max-calls", "ten")).option());
        assertEquals("max-concurrent", rejected(Map.of("max-concurrent", 2.5)).option());
    }

    @Test
    void blankOrRepeatedNotWhileTasksAreRejectedByName() {
        assertEquals("not-while-running", rejected(Map.of("not-while-running", List.of(" "))).option());
        OptionException twice = rejected(Map.of("not-while-running", List.of("train", "train")));
        assertEquals("not-while-running", twice.option());
        assertTrue(twice.getMessage().contains("train"), twice.getMessage());
    }

    @Test
    void anUnknownOptionIsRejectedWithTheClosestName() {
        OptionException e = rejected(Map.of("max-call", 3));

        assertEquals("max-call", e.option());
        assertTrue(e.getMessage().contains("max-calls"), e.getMessage());
    }

    @Test
    void theConfigRecordChecksLimitsWhenBuiltInCode() {
        OptionException e = assertThrows(OptionException.class,
                () -> new CallLimiterConfig(OptionalInt.of(0), OptionalInt.empty(), List.of()));
        assertEquals("max-calls", e.option());
    }
}
