package dev.weft.cli;

import dev.weft.api.Durations;
import java.time.Duration;
import picocli.CommandLine;

/** Reads {@code --timeout} as weft's configuration files write durations: {@code 2s}, {@code 500ms}, {@code 1.5m}. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        Duration duration;
        try {
            duration = Durations.parse(value);
        } catch (IllegalArgumentException e) {
            // A negative value is well formed but out of range, as zero is: say so the same way.
            if (isNegative(value)) {
                throw new CommandLine.TypeConversionException(mustBePositive(value));
            }
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
        if (duration.isZero()) {
            throw new CommandLine.TypeConversionException(mustBePositive(value));
        }
        return duration;
    }

    private static boolean isNegative(String value) {
        String trimmed = value.trim();
        if (!trimmed.startsWith("-")) {
            return false;
        }
        try {
            Durations.parse(trimmed.substring(1));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String mustBePositive(String value) {
        return "'" + value + "' must be greater than zero";
    }
}
