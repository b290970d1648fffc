package dev.drpconsole.ui.logview;

import javafx.beans.property.BooleanProperty;

/** What a line cell reads to draw its line: the text, the display toggles, and the find state. */
record CellContext(LineStore store, LogSearch search, BooleanProperty colours, BooleanProperty timestamps,
                   BooleanProperty wrap) {
}
