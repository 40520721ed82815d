package dev.weft.api;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the closest valid name to a misspelt one, for "did you mean" in error messages.
 *
 * @since 0.1
 */
public final class Names {

    private Names() {
    }

    /**
     * The candidate closest to a name by edit distance, if any is close enough to be a likely
     * misspelling (at most a third of the name's length, and at least 2 edits allowed).
     *
     * @param name the misspelt name; never {@code null}
     * @param candidates the valid names; never {@code null}
     * @return the closest candidate, if one is close
     */
    public static Optional<String> closest(String name, Collection<String> candidates) {
        Objects.requireNonNull(name, "name");
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(name, candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        int allowed = Math.max(2, name.length() / 3);
        return bestDistance <= allowed ? Optional.ofNullable(best) : Optional.empty();
    }

    /**
     * A " (did you mean 'x'?)" suffix, or an empty string.
     *
     * @param name the misspelt name
     * @param candidates the valid names
     * @return the suffix
     */
    public static String didYouMean(String name, Collection<String> candidates) {
        return closest(name, candidates).map(c -> " (did you mean '" + c + "'?)").orElse("");
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
