package dev.weft.api;

/**
 * The type of a plugin option, with the form a configuration file writes it in.
 *
 * @since 0.1
 */
public enum OptionType {
    /** A whole number, such as {@code 4}. */
    INTEGER("a whole number, such as 4"),
    /** A decimal number, such as {@code 0.2}. */
    DECIMAL("a number, such as 0.2"),
    /** {@code true} or {@code false}. */
    BOOLEAN("true or false"),
    /** Text. */
    STRING("text"),
    /** A duration, such as {@code 250ms}. */
    DURATION(Durations.FORM),
    /** A list of text, such as {@code [a, b]}. */
    STRING_LIST("a list of text, such as [a, b]");

    private final String form;

    OptionType(String form) {
        this.form = form;
    }

    /** @return how a value of this type is written, for error messages */
    public String form() {
        return form;
    }

    /** @return the type's name as listings show it, such as {@code duration} */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
