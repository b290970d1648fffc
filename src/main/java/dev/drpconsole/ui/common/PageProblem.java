package dev.drpconsole.ui.common;

import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The inline error banner at the top of a page ({@code #page-problem}): what went wrong, in plain words, until the
 * user dismisses it or the next action succeeds. Hidden while the message is empty.
 */
public class PageProblem extends HBox {
    private final Label message = new Label();

    /** @param problem the message to show; the close button empties it */
    public PageProblem(StringProperty problem) {
        setId("page-problem");
        getStyleClass().add("page-problem");
        setAlignment(Pos.CENTER_LEFT);
        message.setId("page-problem-text");
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        message.textProperty().bind(problem);
        HBox.setHgrow(message, Priority.ALWAYS);
        Button dismiss = new Button("Dismiss");
        dismiss.setId("page-problem-dismiss");
        dismiss.getStyleClass().add("flat");
        dismiss.setOnAction(e -> problem.set(""));
        getChildren().addAll(Icon.ALERT_CIRCLE_OUTLINE.node(18), message, dismiss);
        visibleProperty().bind(problem.isNotEmpty());
        managedProperty().bind(visibleProperty());
    }
}
