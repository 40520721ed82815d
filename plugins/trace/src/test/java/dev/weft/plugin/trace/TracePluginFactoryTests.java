package dev.weft.plugin.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.api.OptionException;
import dev.weft.api.Options;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TracePluginFactoryTests {

    private final TracePluginFactory factory = new TracePluginFactory();

    private TraceConfig config(Map<String, ?> raw) {
        return TraceConfig.from(Options.parse(factory.options(), raw));
    }

    @Test
    void defaultsAreWeftTraceJsonEveryFiveSecondsWithoutLogging() {
        TraceConfig config = config(Map.of());
        assertEquals(Path.of("weft-trace.json"), config.file());
        assertEquals(Duration.ofSeconds(5), config.flushEvery());
        assertFalse(config.log());
        assertEquals(TraceConfig.defaults(), config);
    }

    @Test
    void zeroFlushEveryIsAnOptionErrorNamingIt() {
        OptionException e = assertThrows(OptionException.class, () -> config(Map.of("flush-every", "0")));
        assertEquals("flush-every", e.option());
    }

    @Test
    void blankFileIsAnOptionErrorNamingIt() {
        OptionException e = assertThrows(OptionException.class, () -> config(Map.of("file", " ")));
        assertEquals("file", e.option());
    }

    @Test
    void misspeltOptionSuggestsTheClosestName() {
        OptionException e = assertThrows(OptionException.class, () -> config(Map.of("flush-evry", "1s")));
        assertEquals("flush-evry", e.option());
        assertEquals(true, e.getMessage().contains("did you mean 'flush-every'"), e.getMessage());
    }

    @Test
    void theFactoryNamesItsEvent() {
        assertEquals("trace", factory.name());
        assertEquals(TraceEvents.ALL, factory.events());
    }
}
