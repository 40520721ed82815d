package dev.weft.cli;

import dev.weft.api.Durations;
import java.time.Duration;
import picocli.CommandLine;

/** Reads {@code --timeout} as weft's configuration files write durations: {@code 2s}, {@code 500ms}, {@code 1.5m}. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        try {
            Duration duration = Durations.parse(value);
            if (duration.isZero() || duration.isNegative()) {
                throw new CommandLine.TypeConversionException("'" + value + "' must be greater than zero");
            }
            return duration;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
