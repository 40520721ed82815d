package dev.weft.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Options.parse reports every unknown and ill-typed option of one plugin at once, each with its option's name. */
class OptionProblemsTests {

    private static final List<OptionSpec> SPECS = List.of(
            OptionSpec.of("max-attempts", OptionType.INTEGER, "3", "attempts"),
            OptionSpec.of("backoff", OptionType.DURATION, "100ms", "first delay"),
            OptionSpec.optional("jitter", OptionType.DECIMAL, "fraction"));

    @Test
    void everyUnknownAndIllTypedOptionIsAProblemNamingItsOption() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("jitter", "lots");
        raw.put("max-attempt", 2);
        raw.put("backoff", "soon");
        OptionException e = assertThrows(OptionException.class, () -> Options.parse(SPECS, raw));
        assertEquals(List.of(
                new OptionException.Problem("max-attempt", "unknown option 'max-attempt' (did you mean 'max-attempts'?);"
                        + " known: max-attempts, backoff, jitter"),
                new OptionException.Problem("backoff", "option 'backoff': 'soon' is not a number and a unit (ns, us, ms,"
                        + " s, m, h), such as 250ms, 2s or 1.5m"),
                new OptionException.Problem("jitter", "option 'jitter': 'lots' is not a number, such as 0.2")),
                e.problems());
        assertEquals("max-attempt", e.option());
        assertEquals(e.problems().stream().map(OptionException.Problem::message).toList(), e.getMessage().lines().toList());
    }

    @Test
    void theOneProblemConstructorKeepsItsOptionAndMessage() {
        OptionException e = new OptionException("limit", "option 'limit' must be greater than zero, got 0s");
        assertEquals("limit", e.option());
        assertEquals("option 'limit' must be greater than zero, got 0s", e.getMessage());
        assertEquals(List.of(new OptionException.Problem("limit", "option 'limit' must be greater than zero, got 0s")),
                e.problems());
    }

    @Test
    void anExceptionWithoutProblemsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new OptionException(List.of()));
    }
}
