package dev.weft.api;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes durations the way weft's configuration writes them: a whole or decimal
 * number and a unit, {@code 250ms}, {@code 2s}, {@code 1.5s}, {@code 1m}, {@code 2h}; also
 * {@code us} and {@code ns}. A bare {@code 0} is zero.
 *
 * @since 0.1
 */
public final class Durations {

    /** The accepted form, for error messages. */
    public static final String FORM = "a number and a unit (ns, us, ms, s, m, h), such as 250ms, 2s or 1.5m";

    private static final Pattern FORMAT = Pattern.compile("(-?)(\\d+(?:\\.\\d+)?)\\s*(ns|us|ms|s|m|h)");

    private Durations() {
    }

    /**
     * Parses a duration.
     *
     * @param text such as {@code 250ms}; never {@code null}
     * @return the duration
     * @throws IllegalArgumentException if the text is not of the {@link #FORM}, is negative
     *     (such as {@code -2s}) or is too long for a {@link Duration}
     */
    public static Duration parse(String text) {
        Objects.requireNonNull(text, "text");
        String trimmed = text.trim();
        if (trimmed.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = FORMAT.matcher(trimmed);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration: expected " + FORM);
        }
        double value = Double.parseDouble(m.group(2));
        if (!m.group(1).isEmpty() && value > 0) {
            // Matched with its sign so that it is told apart from a malformed value: only the sign is wrong.
            throw new DurationRangeException("'" + text + "' is negative; expected a duration of at least 0, "
                    + "such as 250ms");
        }
        double nanosPerUnit = switch (m.group(3)) {
            case "ns" -> 1;
            case "us" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m" -> 60e9;
            default -> 3600e9;
        };
        double nanos = value * nanosPerUnit;
        if (nanos > Long.MAX_VALUE) {
            throw new DurationRangeException("'" + text + "' is too long a duration");
        }
        return Duration.ofNanos(Math.round(nanos));
    }

    /**
     * Writes a duration in the shortest exact form this class parses.
     *
     * @param duration never {@code null}
     * @return such as {@code 250ms} or {@code 2s}
     */
    public static String format(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos == 0) {
            return "0s";
        }
        long[] per = {3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L, 1L};
        String[] unit = {"h", "m", "s", "ms", "us", "ns"};
        for (int i = 0; i < per.length; i++) {
            if (nanos % per[i] == 0) {
                return (nanos / per[i]) + unit[i];
            }
        }
        return nanos + "ns";
    }
}
