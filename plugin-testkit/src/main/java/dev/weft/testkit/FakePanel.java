package dev.weft.testkit;

import dev.weft.api.Panel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A {@link Panel}, for {@code describe}, that keeps the rows the plugin added, in order.
 *
 * <p>Assert on {@link #lines()} ({@code "Calls 3/10"}, as the event tree draws a row) or on
 * {@link #rows()} for the values themselves. Not thread-safe.
 *
 * @since 0.1
 */
public final class FakePanel implements Panel {

    /**
     * One row the plugin added.
     *
     * @param label the row's label; never {@code null}
     * @param value its value as the plugin gave it; may be {@code null}
     */
    public record Row(String label, Object value) {
        /** Checks the label. */
        public Row {
            Objects.requireNonNull(label, "label");
        }

        /** @return the row as the event tree draws it: the label, a space, then the value */
        public String line() {
            return label + " " + value;
        }
    }

    private final List<Row> rows = new ArrayList<>();

    /** An empty panel. */
    public FakePanel() {
    }

    @Override
    public Panel row(String label, Object value) {
        rows.add(new Row(label, value));
        return this;
    }

    /**
     * The rows, in the order added.
     *
     * @return a live, read-only view
     */
    public List<Row> rows() {
        return Collections.unmodifiableList(rows);
    }

    /**
     * The rows as the event tree draws them, such as {@code "Calls 3/10"}, in the order added.
     *
     * @return a snapshot
     */
    public List<String> lines() {
        return rows.stream().map(Row::line).toList();
    }

    @Override
    public String toString() {
        return "FakePanel" + lines();
    }
}
