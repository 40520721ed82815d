package dev.weft.testkit;

/**
 * A plugin's event payload, for the tests: public and top-level, as weft requires of payloads.
 *
 * @param text what was said
 */
public record Said(String text) {
}
