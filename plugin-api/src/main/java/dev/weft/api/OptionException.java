package dev.weft.api;

import java.util.Objects;

/**
 * An option that is unknown, of the wrong type, or out of range. The message names the option
 * and, for an unknown one, the closest valid name.
 *
 * @since 0.1
 */
public class OptionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String option;

    /**
     * Creates the exception.
     *
     * @param option the option at fault; never {@code null}
     * @param message what is wrong with it, naming it; never {@code null}
     */
    public OptionException(String option, String message) {
        super(message);
        this.option = Objects.requireNonNull(option, "option");
    }

    /** @return the option at fault */
    public String option() {
        return option;
    }
}
