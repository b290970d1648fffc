package dev.drpconsole.ui.common;

import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/** The key/value grid of a details pane; values are selectable-looking labels that wrap. */
public class DetailsGrid extends GridPane {
    private int rows;

    public DetailsGrid() {
        getStyleClass().add("details-grid");
        ColumnConstraints keys = new ColumnConstraints();
        keys.setMinWidth(96);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        getColumnConstraints().addAll(keys, values);
    }

    /** Adds a row; returns the value label, which the pane fills as the selection changes. */
    public Label addRow(String key, String valueId) {
        Label keyLabel = new Label(key);
        keyLabel.getStyleClass().add("details-key");
        keyLabel.setMinWidth(USE_PREF_SIZE);
        Label value = new Label();
        value.setId(valueId);
        value.setWrapText(true);
        value.setMinHeight(USE_PREF_SIZE);
        addRow(rows++, keyLabel, value);
        return value;
    }
}
