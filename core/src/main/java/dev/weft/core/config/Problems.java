package dev.weft.core.config;

import dev.weft.ConfigException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem of one file, so the user sees them all at once. */
public final class Problems {

    private final String file;
    private final List<ConfigException.Problem> list = new ArrayList<>();

    /** @param file the file name to print */
    public Problems(String file) {
        this.file = file;
    }

    /** Adds a problem at a position. */
    public void add(Position at, String message) {
        list.add(new ConfigException.Problem(file, at.line(), at.column(), message));
    }

    /** @throws ConfigException if any problem was added */
    public void throwIfAny() {
        if (!list.isEmpty()) {
            List<ConfigException.Problem> sorted = new ArrayList<>(list);
            sorted.sort(Comparator.comparingInt(ConfigException.Problem::line)
                    .thenComparingInt(ConfigException.Problem::column));
            throw new ConfigException(sorted);
        }
    }

    /** @return the file name */
    public String file() {
        return file;
    }
}
