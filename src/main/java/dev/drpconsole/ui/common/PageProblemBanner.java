package dev.drpconsole.ui.common;

import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * An inline banner at the top of a page for the last thing that went wrong there (an action refused, a list that
 * failed), in plain words, with a dismiss button. Hidden while the text is empty. Id {@code #page-problem}; its
 * text is {@code #page-problem-text}, the dismiss button {@code #page-problem-dismiss}.
 */
public final class PageProblemBanner extends HBox {
    private final Label text = new Label();

    /** @param problem what to show; "" hides the banner */
    public PageProblemBanner(ObservableStringValue problem, Runnable dismiss) {
        setId("page-problem");
        getStyleClass().add("page-problem");
        setAlignment(Pos.CENTER_LEFT);
        text.setId("page-problem-text");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // a long problem wraps instead of being cut
        HBox.setHgrow(text, Priority.ALWAYS);
        Button close = new Button();
        close.setId("page-problem-dismiss");
        close.setGraphic(Icon.CLOSE.node(14));
        close.getStyleClass().addAll("flat", "button-icon");
        close.setOnAction(e -> dismiss.run());
        LazyTooltip.install(close, () -> "Dismiss");
        getChildren().addAll(Icon.ALERT_CIRCLE_OUTLINE.node(18), text, close);
        show(problem.get());
        problem.addListener((obs, old, now) -> show(now));
    }

    private void show(String problem) {
        boolean any = problem != null && !problem.isEmpty();
        text.setText(any ? problem : "");
        setVisible(any);
        setManaged(any);
    }
}
