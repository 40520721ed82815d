package dev.weft.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A {@link FakePanel} keeps the rows a plugin added. */
class FakePanelTests {

    @Test
    void aPanelKeepsItsRowsInOrderAsValuesAndAsLines() {
        FakePanel panel = new FakePanel();

        panel.row("Calls", "3/10").row("Timed out", 0L).row("Calls", null);

        assertEquals(List.of("Calls 3/10", "Timed out 0", "Calls null"), panel.lines());
        assertEquals(new FakePanel.Row("Timed out", 0L), panel.rows().get(1));
    }
}
