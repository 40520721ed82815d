package dev.weft.api;

/**
 * A plugin's panel in the event tree, filled by {@link TaskPlugin#describe}.
 *
 * <p>Not intended to be implemented by clients.
 *
 * @since 0.1
 */
public interface Panel {

    /**
     * Adds a row such as {@code Calls 3/10}. Rows show in the order added; labels may repeat.
     *
     * @param label the row's label, such as {@code Calls}; never {@code null}
     * @param value its value, shown with {@code String.valueOf}; may be {@code null}
     * @return this panel
     */
    Panel row(String label, Object value);
}
