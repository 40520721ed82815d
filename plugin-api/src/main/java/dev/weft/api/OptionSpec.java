package dev.weft.api;

import java.util.Objects;
import java.util.Optional;

/**
 * One option a plugin accepts: its name, type, default and a one-line doc.
 *
 * @param name the kebab-case name, such as {@code max-calls}; never {@code null}
 * @param type the type; never {@code null}
 * @param defaultValue the default as a configuration file would write it, such as {@code 2s};
 *     empty when the option has no default (then it is unset unless given); never {@code null}
 * @param doc one line saying what it does; never {@code null}
 * @since 0.1
 */
public record OptionSpec(String name, OptionType type, Optional<String> defaultValue, String doc) {

    /** Checks the arguments, and that the default is of the type. */
    public OptionSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(doc, "doc");
        defaultValue.ifPresent(text -> Options.convert(name, type, text));
    }

    /**
     * An option with a default.
     *
     * @param name the name
     * @param type the type
     * @param defaultValue the default, written as in a configuration file
     * @param doc one line
     * @return the spec
     */
    public static OptionSpec of(String name, OptionType type, String defaultValue, String doc) {
        return new OptionSpec(name, type, Optional.of(defaultValue), doc);
    }

    /**
     * An option without a default: unset unless given.
     *
     * @param name the name
     * @param type the type
     * @param doc one line
     * @return the spec
     */
    public static OptionSpec optional(String name, OptionType type, String doc) {
        return new OptionSpec(name, type, Optional.empty(), doc);
    }
}
