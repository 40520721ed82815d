package dev.weft.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Event types, durations, options and name suggestions: the pieces plugin authors use directly. */
public class ApiTests {

    /** A payload for the tests. */
    public record Sample(String task, int attempt, Duration delay) {
    }

    record Hidden(int x) {
    }

    @Test
    void payloadsReadAsOrderedNameValuePairs() {
        EventType<Sample> type = EventType.of("sample-seen", Sample.class);
        assertEquals(List.of(new Field("task", "t"), new Field("attempt", 2), new Field("delay", Duration.ofSeconds(1))),
                type.fields(new Sample("t", 2, Duration.ofSeconds(1))));
        assertEquals("@sample-seen", type.toString());
        assertEquals(type, EventType.of("sample-seen", Sample.class));
    }

    @Test
    void eventTypesCheckTheirNameAndPayload() {
        assertEquals("event name 'SampleSeen' is not kebab-case (lower-case words joined by '-', such as "
                + "'call-limit-reached')", assertThrows(IllegalArgumentException.class,
                        () -> EventType.of("SampleSeen", Sample.class)).getMessage());
        assertEquals("payload dev.weft.api.ApiTests$Hidden of event 'hidden' must be public (and every class "
                + "enclosing it), so its fields can be shown", assertThrows(IllegalArgumentException.class,
                        () -> EventType.of("hidden", Hidden.class)).getMessage());
        assertEquals("event 'sample-seen' carries dev.weft.api.ApiTests$Sample, not dev.weft.api.Signal",
                assertThrows(IllegalArgumentException.class,
                        () -> EventType.of("sample-seen", Sample.class).cast(Signal.INSTANCE)).getMessage());
    }

    @Test
    void durationsParseTheConfigurationForms() {
        assertEquals(Duration.ofMillis(250), Durations.parse("250ms"));
        assertEquals(Duration.ofSeconds(2), Durations.parse("2s"));
        assertEquals(Duration.ofMillis(1500), Durations.parse("1.5s"));
        assertEquals(Duration.ofMinutes(1), Durations.parse("1m"));
        assertEquals(Duration.ofHours(2), Durations.parse("2h"));
        assertEquals(Duration.ofNanos(10), Durations.parse("10ns"));
        assertEquals(Duration.ZERO, Durations.parse("0"));
        assertEquals("'2 parsecs' is not a duration: expected a number and a unit (ns, us, ms, s, m, h), such as "
                + "250ms, 2s or 1.5m", assertThrows(IllegalArgumentException.class,
                        () -> Durations.parse("2 parsecs")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("-1s"));
        assertEquals("250ms", Durations.format(Duration.ofMillis(250)));
        assertEquals("2s", Durations.format(Duration.ofSeconds(2)));
        assertEquals("1500ms", Durations.format(Duration.ofMillis(1500)));
        assertEquals("0s", Durations.format(Duration.ZERO));
    }

    @Test
    void aNegativeDurationIsSaidToBeNegativeRatherThanMalformed() {
        assertEquals("'-2s' is negative; expected a duration of at least 0, such as 250ms",
                assertThrows(IllegalArgumentException.class, () -> Durations.parse("-2s")).getMessage());
        assertEquals(Duration.ZERO, Durations.parse("-0s"));
        assertEquals("'--2s' is not a duration: expected " + Durations.FORM,
                assertThrows(IllegalArgumentException.class, () -> Durations.parse("--2s")).getMessage());
    }

    @Test
    void aDurationOptionOutOfRangeSaysWhatIsWrongNotWhatFormToUse() {
        List<OptionSpec> specs = List.of(OptionSpec.of("backoff", OptionType.DURATION, "100ms", "first delay"));
        OptionException negative = assertThrows(OptionException.class,
                () -> Options.parse(specs, Map.of("backoff", "-100ms")));
        assertEquals("option 'backoff': '-100ms' is negative; expected a duration of at least 0, such as 250ms",
                negative.getMessage());
        assertEquals("backoff", negative.option());
        assertEquals("option 'backoff': '9999999999h' is too long a duration", assertThrows(OptionException.class,
                () -> Options.parse(specs, Map.of("backoff", "9999999999h"))).getMessage());
        assertEquals("option 'backoff': '2 parsecs' is not " + Durations.FORM, assertThrows(OptionException.class,
                () -> Options.parse(specs, Map.of("backoff", "2 parsecs"))).getMessage());
    }

    @Test
    void optionsApplyDefaultsAndConvertValues() {
        List<OptionSpec> specs = List.of(
                OptionSpec.of("max-attempts", OptionType.INTEGER, "3", "attempts"),
                OptionSpec.of("backoff", OptionType.DURATION, "100ms", "first delay"),
                OptionSpec.optional("jitter", OptionType.DECIMAL, "fraction"),
                OptionSpec.optional("retry-on", OptionType.STRING_LIST, "classes"),
                OptionSpec.of("interrupt", OptionType.BOOLEAN, "true", "interrupt"));
        Options options = Options.parse(specs, Map.of("backoff", "2s", "jitter", 1, "retry-on", "IOException"));
        assertEquals(Optional.of(3), options.integer("max-attempts"));
        assertEquals(Optional.of(Duration.ofSeconds(2)), options.duration("backoff"));
        assertEquals(Optional.of(1.0), options.decimal("jitter"));
        assertEquals(List.of("IOException"), options.strings("retry-on"));
        assertEquals(Optional.of(true), options.bool("interrupt"));
        assertEquals(Optional.empty(), Options.parse(specs, Map.of()).decimal("jitter"));
    }

    @Test
    void unknownAndIllTypedOptionsAreErrorsNamingTheOption() {
        List<OptionSpec> specs = List.of(OptionSpec.of("max-attempts", OptionType.INTEGER, "3", "attempts"),
                OptionSpec.of("backoff", OptionType.DURATION, "100ms", "first delay"));
        OptionException unknown = assertThrows(OptionException.class,
                () -> Options.parse(specs, Map.of("max-attempt", 2)));
        assertEquals("max-attempt", unknown.option());
        assertEquals("unknown option 'max-attempt' (did you mean 'max-attempts'?); known: max-attempts, backoff",
                unknown.getMessage());
        OptionException typed = assertThrows(OptionException.class,
                () -> Options.parse(specs, Map.of("max-attempts", "three")));
        assertEquals("option 'max-attempts': 'three' is not a whole number, such as 4", typed.getMessage());
        OptionException duration = assertThrows(OptionException.class,
                () -> Options.parse(specs, Map.of("backoff", 100)));
        assertEquals("backoff", duration.option());
        assertThrows(OptionException.class,
                () -> OptionSpec.of("bad-default", OptionType.DURATION, "soon", "a default of the wrong type"));
    }

    @Test
    void closestNameIsSuggestedOnlyWhenClose() {
        assertEquals(Optional.of("retry"), Names.closest("retyr", List.of("retry", "timeout", "trace")));
        assertEquals(Optional.empty(), Names.closest("zzzzzzzz", List.of("retry", "timeout")));
        assertEquals("", Names.didYouMean("zzzzzzzz", List.of("retry")));
    }

    @Test
    void subscriptionOptionsCombine() {
        On on = On.every(2).maxCalls(3).hidden();
        assertEquals(2, on.everyN());
        assertEquals(3, on.maxCallsLimit().getAsInt());
        assertEquals(1, on.repeatTimes());
        assertEquals(true, on.isHidden());
        assertEquals(true, On.defaults().maxCallsLimit().isEmpty());
    }
}
