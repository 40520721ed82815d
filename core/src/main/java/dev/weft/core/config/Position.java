package dev.weft.core.config;

import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * A place in the file, counted from 1 as editors do.
 *
 * @param line the line, or 0 for the whole file
 * @param column the column, or 0 for the whole file
 */
public record Position(int line, int column) {

    /** The whole file. */
    public static final Position FILE = new Position(0, 0);

    /** @return where a node starts */
    static Position of(Node node) {
        return of(node.getStartMark());
    }

    /** @return the mark's position, snakeyaml counting from 0 */
    static Position of(Optional<Mark> mark) {
        return mark.map(m -> new Position(m.getLine() + 1, m.getColumn() + 1)).orElse(FILE);
    }
}
