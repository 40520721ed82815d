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

    /** Adds problems found earlier, such as a file's shape problems before its chains are checked. */
    public void addAll(List<ConfigException.Problem> found) {
        list.addAll(found);
    }

    /** @return how many problems have been added */
    public int count() {
        return list.size();
    }

    /** @return the problems added so far, in the order added */
    public List<ConfigException.Problem> list() {
        return List.copyOf(list);
    }

    /** @throws ConfigException if any problem was added, listing them all in file order */
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
