package dev.weft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTests {

    private final DurationConverter converter = new DurationConverter();

    @Test
    void readsTheConfigurationsDurations() {
        assertEquals(Duration.ofMillis(1500), converter.convert("1.5s"));
    }

    @Test
    void aNegativeTimeoutIsOutOfRangeAsZeroIsNotMalformed() {
        assertEquals("'-5s' must be greater than zero", message("-5s"));
        assertEquals("'0s' must be greater than zero", message("0s"));
    }

    @Test
    void aMalformedTimeoutSaysWhatFormToUse() {
        assertEquals("'-soon' is not a duration: expected " + dev.weft.api.Durations.FORM, message("-soon"));
    }

    private String message(String value) {
        return assertThrows(TypeConversionException.class, () -> converter.convert(value)).getMessage();
    }
}
