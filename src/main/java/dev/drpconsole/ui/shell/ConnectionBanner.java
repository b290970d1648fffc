package dev.drpconsole.ui.shell;

import dev.drpconsole.core.status.ConnectionState;
import dev.drpconsole.ui.common.Icon;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A full-width banner above the page while a connection is broken: what is wrong, in full, how to fix it,
 * and Retry. The status bar only has room for a headline; this is where the whole story is told.
 */
class ConnectionBanner extends HBox {
    private final Label headline = new Label();
    private final Label reason = new Label();
    private final Label fix = new Label();

    ConnectionBanner(String id, ObservableValue<ConnectionState> state, Runnable onRetry) {
        setId(id);
        getStyleClass().add("connection-banner");
        setAlignment(Pos.CENTER_LEFT);
        headline.getStyleClass().add("banner-title");
        headline.setId(id + "-title");
        reason.setId(id + "-reason");
        reason.setWrapText(true);
        reason.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        headline.setWrapText(true);
        headline.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        fix.setId(id + "-fix");
        fix.getStyleClass().add("banner-fix");
        fix.setWrapText(true);
        fix.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox text = new VBox(2, headline, reason, fix);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMinWidth(0);
        Button retry = new Button("Retry");
        retry.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        retry.setId(id + "-retry");
        retry.setOnAction(e -> onRetry.run());
        getChildren().addAll(Icon.ALERT_CIRCLE_OUTLINE.node(22), text, retry);
        show(state.getValue());
        state.addListener((obs, old, now) -> show(now));
    }

    private void show(ConnectionState state) {
        boolean broken = state.kind() == ConnectionState.Kind.UNREACHABLE;
        setVisible(broken);
        setManaged(broken);
        headline.setText(state.headline());
        reason.setText(state.detail());
        fix.setText(state.fixHint());
    }
}
