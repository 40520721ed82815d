package dev.weft;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A configuration file that weft cannot use. It carries every problem found, not just the first,
 * each of which prints as {@code FILE:LINE:COL: message}.
 *
 * @since 0.1
 */
public class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<Problem> problems;

    /**
     * Creates the exception.
     *
     * @param problems at least one problem; never {@code null}
     */
    public ConfigException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** @return every problem, in file order */
    public List<Problem> problems() {
        return problems;
    }

    /**
     * One problem in a configuration file.
     *
     * @param file the file as named to weft; never {@code null}
     * @param line the line, from 1; 0 when the problem concerns the whole file
     * @param column the column, from 1; 0 when the problem concerns the whole file
     * @param message what is wrong, naming the key or value at fault; never {@code null}
     * @since 0.1
     */
    public record Problem(String file, int line, int column, String message) {

        /** Checks the arguments. */
        public Problem {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(message, "message");
        }

        /** @return {@code FILE:LINE:COL: message}, or {@code FILE: message} for the whole file */
        @Override
        public String toString() {
            return line == 0 ? file + ": " + message : file + ":" + line + ":" + column + ": " + message;
        }
    }
}
