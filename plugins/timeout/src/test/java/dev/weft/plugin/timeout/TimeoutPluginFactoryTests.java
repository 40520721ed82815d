package dev.weft.plugin.timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.api.OptionException;
import dev.weft.api.Options;
import dev.weft.testkit.FakeTaskContext;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimeoutPluginFactoryTests {

    private final TimeoutPluginFactory factory = new TimeoutPluginFactory();

    private TimeoutPlugin create(Map<String, ?> raw) {
        return (TimeoutPlugin) factory.create(Options.parse(factory.options(), raw));
    }

    @Test
    void missingLimitIsAnOptionErrorNamingLimit() {
        OptionException e = assertThrows(OptionException.class, () -> create(Map.of()));
        assertEquals("limit", e.option());
        assertTrue(e.getMessage().contains("'limit' is required"), e.getMessage());
    }

    @Test
    void zeroLimitIsAnOptionErrorNamingLimit() {
        OptionException e = assertThrows(OptionException.class, () -> create(Map.of("limit", "0")));
        assertEquals("limit", e.option());
        assertTrue(e.getMessage().contains("greater than zero"), e.getMessage());
    }

    @Test
    void negativeLimitIsAnOptionErrorNamingLimit() {
        OptionException e = assertThrows(OptionException.class,
                () -> create(Map.of("limit", Duration.ofSeconds(-1))));
        assertEquals("limit", e.option());
    }

    @Test
    void unparsableLimitIsAnOptionErrorNamingLimit() {
        OptionException e = assertThrows(OptionException.class, () -> create(Map.of("limit", "soon")));
        assertEquals("limit", e.option());
    }

    @Test
    void interruptDefaultsToTrue() {
        assertTrue(TimeoutConfig.from(Options.parse(factory.options(), Map.of("limit", "2s"))).interrupt());
        assertFalse(TimeoutConfig.from(Options.parse(factory.options(), Map.of("limit", "2s", "interrupt", false)))
                .interrupt());
    }

    @Test
    void limitIsReadAsADuration() {
        assertEquals(Duration.ofMillis(1500),
                TimeoutConfig.from(Options.parse(factory.options(), Map.of("limit", "1.5s"))).limit());
    }

    @Test
    void attachRegistersTimeoutAndTimeoutIgnored() {
        FakeTaskContext context = new FakeTaskContext("job");
        create(Map.of("limit", "1s")).attach(context);
        assertEquals(TimeoutEvents.ALL, context.registered());
        assertEquals(TimeoutEvents.ALL, factory.events());
        assertEquals("timeout", factory.name());
    }
}
