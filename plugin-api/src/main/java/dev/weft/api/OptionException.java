package dev.weft.api;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One or more options that are unknown, of the wrong type, or out of range. Each problem names
 * its option and, for an unknown one, the closest valid name.
 *
 * <h2>Several problems</h2>
 * A check that finds several problems throws one exception carrying all of them, so that the
 * user fixes them in one go: {@link Options#parse} reports every unknown and ill-typed option,
 * and a plugin's {@link PluginFactory#create} may report every value out of range. A
 * configuration file reports each {@link #problems() problem} at its own option.
 *
 * <pre>{@code
 * List<OptionException.Problem> problems = new ArrayList<>();
 * if (jitter > 1) problems.add(new OptionException.Problem("jitter", "option 'jitter' must be at most 1"));
 * if (multiplier < 1) problems.add(new OptionException.Problem("multiplier", "option 'multiplier' must be at least 1"));
 * if (!problems.isEmpty()) throw new OptionException(problems);
 * }</pre>
 *
 * @since 0.1
 */
public class OptionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final List<Problem> problems;

    /**
     * Creates the exception for one problem.
     *
     * @param option the option at fault; never {@code null}
     * @param message what is wrong with it, naming it; never {@code null}
     */
    public OptionException(String option, String message) {
        this(List.of(new Problem(option, message)));
    }

    /**
     * Creates the exception for several problems. Its message is theirs, one a line.
     *
     * @param problems at least one problem, in the order found; never {@code null}
     * @throws IllegalArgumentException if {@code problems} is empty
     */
    public OptionException(List<Problem> problems) {
        super(problems.stream().map(Problem::message).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an OptionException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** @return the option at fault: the first problem's, when there are several */
    public String option() {
        return problems.get(0).option();
    }

    /** @return every problem, at least one, in the order found */
    public List<Problem> problems() {
        return problems;
    }

    /**
     * One option at fault.
     *
     * @param option the option's name as written; never {@code null}
     * @param message what is wrong with it, naming it; never {@code null}
     * @since 0.1
     */
    public record Problem(String option, String message) {

        /** Checks the arguments. */
        public Problem {
            Objects.requireNonNull(option, "option");
            Objects.requireNonNull(message, "message");
        }
    }
}
