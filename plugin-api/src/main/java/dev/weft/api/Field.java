package dev.weft.api;

import java.util.Objects;

/**
 * One name/value pair of an event payload, as the event tree, JSON output and traces show it.
 *
 * @param name the record component's name; never {@code null}
 * @param value its value; may be {@code null}
 * @since 0.1
 */
public record Field(String name, Object value) {
    /** Checks the name. */
    public Field {
        Objects.requireNonNull(name, "name");
    }
}
