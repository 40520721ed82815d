package dev.weft.core.loading;

/**
 * The core version that plugins' {@code Plugin-Requires} is checked against. It must equal the
 * parent pom's {@code weft.core.version}; a test checks that it does.
 */
public final class CoreVersion {

    /** The version, such as {@code 0.1.0}. */
    public static final String VALUE = "0.1.0";

    private CoreVersion() {
    }
}
