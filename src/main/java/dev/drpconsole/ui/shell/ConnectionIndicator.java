package dev.drpconsole.ui.shell;

import dev.drpconsole.core.status.ConnectionState;
import dev.drpconsole.ui.common.Icon;
import dev.drpconsole.ui.common.LazyTooltip;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;

/**
 * One connection in the status bar: a coloured dot, what it is, a short next step, and a Retry link
 * when it is broken (the banner above the page then tells the reason and the fix in full). The whole
 * story is also in the tooltip.
 */
class ConnectionIndicator extends HBox {
    private static final String[] KIND_CLASSES = {"state-not-configured", "state-checking", "state-connected",
        "state-unreachable"};

    private final Circle dot = new Circle(4.5);
    private final Label headline = new Label();
    private final Label hint = new Label();
    private final Hyperlink retry = new Hyperlink("Retry");
    private String details = "";

    ConnectionIndicator(String id, Icon icon, ObservableValue<ConnectionState> state, Runnable onRetry) {
        setId(id);
        getStyleClass().add("connection-indicator");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(6);
        dot.getStyleClass().add("state-dot");
        headline.setId(id + "-text");
        headline.getStyleClass().add("connection-headline");
        headline.setGraphic(icon.node(14));
        // In a narrow window a long endpoint name or address gives way (the tooltip tells it whole); Retry never.
        headline.setMinWidth(90);
        headline.setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS);
        retry.setMinWidth(Region.USE_PREF_SIZE);
        hint.setId(id + "-hint");
        hint.getStyleClass().add("connection-hint");
        retry.setId(id + "-retry");
        retry.setOnAction(e -> onRetry.run());
        LazyTooltip.install(this, () -> details);
        getChildren().addAll(dot, headline, hint, retry);
        show(state.getValue());
        state.addListener((obs, old, now) -> show(now));
    }

    private void show(ConnectionState state) {
        getStyleClass().removeAll(KIND_CLASSES);
        getStyleClass().add(KIND_CLASSES[state.kind().ordinal()]);
        headline.setText(state.headline());
        hint.setText(state.fixHint());
        boolean broken = state.kind() == ConnectionState.Kind.UNREACHABLE;
        // A broken connection's fix is told in full by the banner above the page.
        setShown(hint, !state.fixHint().isEmpty() && !broken);
        setShown(retry, broken);
        details = String.join("\n", nonEmpty(state.headline(), state.detail(), state.fixHint()));
    }

    private static void setShown(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }

    private static String[] nonEmpty(String... parts) {
        return java.util.Arrays.stream(parts).filter(p -> !p.isEmpty()).toArray(String[]::new);
    }
}
