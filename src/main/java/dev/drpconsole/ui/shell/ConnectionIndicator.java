package dev.drpconsole.ui.shell;

import dev.drpconsole.core.status.ConnectionState;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.shape.Circle;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One connection in the status bar: a coloured dot, what it is, and, when it is broken, the reason,
 * the fix and a Retry link. The whole story is also in the tooltip.
 */
class ConnectionIndicator extends HBox {
    private static final String[] KIND_CLASSES = {"state-not-configured", "state-checking", "state-connected",
        "state-unreachable"};

    private final Circle dot = new Circle(4.5);
    private final Label headline = new Label();
    private final Label hint = new Label();
    private final Hyperlink retry = new Hyperlink("Retry");
    private final Tooltip tooltip = new Tooltip();

    ConnectionIndicator(String id, Ikon icon, ObservableValue<ConnectionState> state, Runnable onRetry) {
        setId(id);
        getStyleClass().add("connection-indicator");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(6);
        dot.getStyleClass().add("state-dot");
        headline.setId(id + "-text");
        headline.getStyleClass().add("connection-headline");
        headline.setGraphic(FontIcon.of(icon));
        hint.setId(id + "-hint");
        hint.getStyleClass().add("connection-hint");
        retry.setId(id + "-retry");
        retry.setOnAction(e -> onRetry.run());
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(520);
        headline.setTooltip(tooltip);
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
        setShown(hint, !state.fixHint().isEmpty());
        setShown(retry, broken);
        tooltip.setText(String.join("\n", nonEmpty(state.headline(), state.detail(), state.fixHint())));
    }

    private static void setShown(javafx.scene.Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }

    private static String[] nonEmpty(String... parts) {
        return java.util.Arrays.stream(parts).filter(p -> !p.isEmpty()).toArray(String[]::new);
    }
}
