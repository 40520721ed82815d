package dev.weft.plugin.trace;

import dev.weft.api.OptionException;
import dev.weft.api.Options;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code trace} plugin's settings. Immutable and thread-safe.
 *
 * @param file where to write the trace; tasks naming the same file share it; never {@code null}
 * @param flushEvery how often to write the queued events and publish the trace during a run; positive; never {@code null}
 * @param log whether to log each step at DEBUG through SLF4J, with the call id in the MDC
 * @since 0.1
 */
public record TraceConfig(Path file, Duration flushEvery, boolean log) {

    /** The default file, in the working directory. */
    public static final String DEFAULT_FILE = "weft-trace.json";

    /**
     * Checks the settings.
     *
     * @throws OptionException with a problem for each of {@code file} and {@code flush-every} that
     *     is missing or out of range
     */
    public TraceConfig {
        List<OptionException.Problem> problems = new ArrayList<>();
        if (file == null || file.toString().isBlank()) {
            problems.add(new OptionException.Problem(TracePluginFactory.FILE, "option 'file' must name a file, such as "
                    + DEFAULT_FILE));
        }
        flushEveryProblem(flushEvery).ifPresent(problems::add);
        if (!problems.isEmpty()) {
            throw new OptionException(problems);
        }
    }

    /**
     * Settings with the defaults: {@value #DEFAULT_FILE}, flushed every 5s, no logging.
     *
     * @return the settings
     */
    public static TraceConfig defaults() {
        return new TraceConfig(Path.of(DEFAULT_FILE), Duration.ofSeconds(5), false);
    }

    /**
     * Reads the settings from checked options.
     *
     * @param options options checked against {@link TracePluginFactory#options()}; never {@code null}
     * @return the settings
     * @throws OptionException with a problem for each option at fault
     */
    public static TraceConfig from(Options options) {
        Objects.requireNonNull(options, "options");
        String file = options.string(TracePluginFactory.FILE).orElse(DEFAULT_FILE);
        Duration flushEvery = options.duration(TracePluginFactory.FLUSH_EVERY).orElse(Duration.ofSeconds(5));
        Path path;
        try {
            path = Path.of(file);
        } catch (InvalidPathException e) {
            // Reported together with flush-every's problem, not instead of it.
            List<OptionException.Problem> problems = new ArrayList<>();
            problems.add(new OptionException.Problem(TracePluginFactory.FILE, "option 'file': '" + file
                    + "' is not a valid path: " + e.getReason()));
            flushEveryProblem(flushEvery).ifPresent(problems::add);
            throw new OptionException(problems);
        }
        return new TraceConfig(path, flushEvery, options.bool(TracePluginFactory.LOG).orElse(false));
    }

    private static Optional<OptionException.Problem> flushEveryProblem(Duration flushEvery) {
        if (flushEvery == null || flushEvery.isZero() || flushEvery.isNegative()) {
            return Optional.of(new OptionException.Problem(TracePluginFactory.FLUSH_EVERY,
                    "option 'flush-every' must be greater than zero, got " + flushEvery));
        }
        return Optional.empty();
    }

    /**
     * The same settings writing to another file.
     *
     * @param other the file; never {@code null}
     * @return new settings
     */
    public TraceConfig withFile(Path other) {
        return new TraceConfig(other, flushEvery, log);
    }
}
