package dev.weft.core.loading;

import java.util.Optional;

/** The message for a name that several sources claim. */
final class Ambiguity {

    private Ambiguity() {
    }

    /**
     * @param what such as {@code plugin 'retry'}
     * @param key the key to pin under {@code plugins:}
     * @param sources such as {@code a.jar and module path}
     * @param pin the pinned source, if one is configured but matches none of them
     */
    static String message(String what, String key, String sources, Optional<String> pin) {
        String first = sources.split(" and ")[0];
        if (pin.isPresent()) {
            return what + " is pinned to source '" + pin.get() + "', but it comes from " + sources;
        }
        return "ambiguous: " + what + " comes from " + sources + "; remove one, or pin one in the configuration"
                + " (plugins: { " + key + ": { source: " + first + " } })";
    }
}
