package dev.drpconsole.ui.common;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The row above a live table: actions on the left, then the filter box and Refresh on the right. */
public class Toolbar extends HBox {

    private final List<Button> actions = new ArrayList<>();

    public Toolbar() {
        getStyleClass().add("live-toolbar");
        CompactButtons.install(this, actions);
    }

    public Button action(String id, String text, Icon icon) {
        Button button = new Button(text, icon.node(16));
        button.setId(id);
        // Never cut to "New…": the filter box gives way first, then the actions show their icons only.
        button.setMinWidth(Region.USE_PREF_SIZE);
        if (!text.isEmpty()) {
            LazyTooltip.install(button, button::getText);
            actions.add(button);
        }
        getChildren().add(button);
        return button;
    }

    /** A button without words (e.g. Refresh), named by its tooltip. */
    public Button iconAction(String id, Icon icon, String tooltip) {
        Button button = action(id, "", icon);
        LazyTooltip.install(button, () -> tooltip);
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
