package dev.drpconsole.ui.common;

import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The row above a live table: actions on the left, then the filter box and Refresh on the right. */
public class Toolbar extends HBox {

    public Toolbar() {
        getStyleClass().add("live-toolbar");
    }

    public Button action(String id, String text, Icon icon) {
        Button button = new Button(text, icon.node(16));
        button.setId(id);
        // Actions keep their words; the filter box is the one that gives way on a narrow window.
        button.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().add(button);
        return button;
    }

    /** The filter box ({@code id}), after a spacer that pushes it to the right. */
    public TextField filter(String id, String prompt) {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        TextField filter = new TextField();
        filter.setId(id);
        filter.setPromptText(prompt);
        filter.getStyleClass().add("filter-box");
        filter.setMinWidth(120);
        getChildren().addAll(spacer, filter);
        return filter;
    }
}
