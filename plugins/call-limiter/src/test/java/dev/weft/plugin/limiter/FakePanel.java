package dev.weft.plugin.limiter;

import dev.weft.api.Panel;
import java.util.ArrayList;
import java.util.List;

/** A panel that keeps its rows as "label value" lines. */
final class FakePanel implements Panel {

    final List<String> rows = new ArrayList<>();

    @Override
    public Panel row(String label, Object value) {
        rows.add(label + " " + value);
        return this;
    }
}
