package dev.weft.plugin.limiter;

import dev.weft.api.OptionException;
import dev.weft.api.Options;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The call-limiter's settings, checked when made. A configuration file and Java code produce the
 * same record.
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxCalls the most calls the task may make in all, counted when submitted; empty for no
 *     limit; never {@code null}
 * @param maxConcurrent the most calls of the task that may be submitted and not yet ended at
 *     once; empty for no limit; never {@code null}
 * @param notWhileRunning names of other tasks of the same scheduler: while any of them runs, the
 *     task's calls are vetoed; never {@code null}
 * @since 0.1
 */
public record CallLimiterConfig(OptionalInt maxCalls, OptionalInt maxConcurrent, List<String> notWhileRunning) {

    /** Option {@code max-calls}. */
    public static final String MAX_CALLS = "max-calls";
    /** Option {@code max-concurrent}. */
    public static final String MAX_CONCURRENT = "max-concurrent";
    /** Option {@code not-while-running}. */
    public static final String NOT_WHILE_RUNNING = "not-while-running";

    /**
     * Checks the settings.
     *
     * @throws OptionException with a problem for each option at fault: a limit below 1, a blank
     *     task name, or each task name given twice
     */
    public CallLimiterConfig {
        Objects.requireNonNull(maxCalls, "maxCalls");
        Objects.requireNonNull(maxConcurrent, "maxConcurrent");
        Objects.requireNonNull(notWhileRunning, "notWhileRunning");
        List<OptionException.Problem> problems = new ArrayList<>();
        atLeastOne(MAX_CALLS, maxCalls, problems);
        atLeastOne(MAX_CONCURRENT, maxConcurrent, problems);
        notWhileRunning = List.copyOf(notWhileRunning);
        if (notWhileRunning.stream().anyMatch(String::isBlank)) {
            problems.add(new OptionException.Problem(NOT_WHILE_RUNNING, "option '" + NOT_WHILE_RUNNING
                    + "' holds a blank task name"));
        }
        Set<String> seen = new HashSet<>();
        Set<String> twice = new LinkedHashSet<>();
        for (String name : notWhileRunning) {
            if (!name.isBlank() && !seen.add(name)) {
                twice.add(name);
            }
        }
        for (String name : twice) {
            problems.add(new OptionException.Problem(NOT_WHILE_RUNNING, "option '" + NOT_WHILE_RUNNING
                    + "' names task '" + name + "' twice"));
        }
        if (!problems.isEmpty()) {
            throw new OptionException(problems);
        }
    }

    /**
     * No limits at all: every call is accepted.
     *
     * @return the settings
     */
    public static CallLimiterConfig unlimited() {
        return new CallLimiterConfig(OptionalInt.empty(), OptionalInt.empty(), List.of());
    }

    /**
     * Reads the settings from checked options.
     *
     * @param options options parsed against {@link CallLimiterFactory#options()}; never {@code null}
     * @return the settings
     * @throws OptionException naming the option at fault
     */
    public static CallLimiterConfig from(Options options) {
        Objects.requireNonNull(options, "options");
        return new CallLimiterConfig(
                options.integer(MAX_CALLS).map(OptionalInt::of).orElse(OptionalInt.empty()),
                options.integer(MAX_CONCURRENT).map(OptionalInt::of).orElse(OptionalInt.empty()),
                options.strings(NOT_WHILE_RUNNING));
    }

    private static void atLeastOne(String option, OptionalInt limit, List<OptionException.Problem> problems) {
        if (limit.isPresent() && limit.getAsInt() < 1) {
            problems.add(new OptionException.Problem(option, "option '" + option + "' must be at least 1, got "
                    + limit.getAsInt() + " (leave it out for no limit)"));
        }
    }
}
