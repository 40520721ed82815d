package dev.weft.cli.example;

import java.io.Serializable;
import java.util.Locale;

/**
 * One point of the search: the argument of an evaluation.
 *
 * @param id the trial's number, from 1, in the order the search drew it
 * @param x1 in {@code [-5, 10]}
 * @param x2 in {@code [0, 15]}
 */
record Trial(int id, double x1, double x2) implements Serializable {

    /** @return such as {@code #7 (3.142, 2.275)}, as the event tree and the trace show it */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "#%d (%.3f, %.3f)", id, x1, x2);
    }
}
