package dev.weft.plugin.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.api.OptionException;
import dev.weft.api.Options;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The trace plugin reports every option out of range at once, each with its option's name. */
class TraceOptionProblemsTests {

    private final TracePluginFactory factory = new TracePluginFactory();

    private List<OptionException.Problem> problems(Map<String, ?> raw) {
        return assertThrows(OptionException.class, () -> factory.create(Options.parse(factory.options(), raw)))
                .problems();
    }

    @Test
    void aBlankFileAndAZeroFlushAreBothProblems() {
        assertEquals(List.of(
                new OptionException.Problem("file", "option 'file' must name a file, such as weft-trace.json"),
                new OptionException.Problem("flush-every", "option 'flush-every' must be greater than zero, got PT0S")),
                problems(Map.of("file", " ", "flush-every", "0s")));
    }

    @Test
    void anInvalidPathAndAZeroFlushAreBothProblems() {
        assertEquals(List.of(
                new OptionException.Problem("file", "option 'file': 'a\u0000b' is not a valid path: Nul character not allowed"),
                new OptionException.Problem("flush-every", "option 'flush-every' must be greater than zero, got PT0S")),
                problems(Map.of("file", "a\u0000b", "flush-every", "0s")));
    }
}
