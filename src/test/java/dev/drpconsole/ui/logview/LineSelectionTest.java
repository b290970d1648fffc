package dev.drpconsole.ui.logview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSelectionTest {
    private final LineSelection selection = new LineSelection();

    @Test
    void clickShiftClickAndCtrlClick() {
        selection.select(5);
        selection.extendTo(8);
        assertEquals(List.of(5L, 6L, 7L, 8L), selected());
        selection.toggle(6);
        selection.toggle(12);
        assertEquals(List.of(5L, 7L, 8L, 12L), selected(), "ctrl-click takes out of the range and adds outside it");
        selection.select(3);
        assertEquals(List.of(3L), selected());
    }

    @Test
    void linesDroppedFromTheTopAreLeftOut() {
        selection.select(0);
        selection.extendTo(9);
        List<Long> lines = new ArrayList<>();
        selection.forEach(7, lines::add);
        assertEquals(List.of(7L, 8L, 9L), lines);
    }

    private List<Long> selected() {
        List<Long> lines = new ArrayList<>();
        selection.forEach(0, lines::add);
        return lines;
    }
}
