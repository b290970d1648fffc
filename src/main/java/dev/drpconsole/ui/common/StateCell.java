package dev.drpconsole.ui.common;

import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.control.TableCell;

/**
 * A state (running, exited, finished…) as a graphic and its word. The cell has the style class {@code styleClass}
 * and {@code <styleClass>-<state>}, so colours come from CSS.
 */
public final class StateCell<R> extends TableCell<R, String> {
    private final String prefix;
    private final Function<String, Node> graphic;

    /** @param graphic the graphic for a state; called on every update, so it may hand back the same node */
    public StateCell(String styleClass, Function<String, Node> graphic) {
        this.prefix = styleClass + "-";
        this.graphic = graphic;
        getStyleClass().add(styleClass);
    }

    @Override
    protected void updateItem(String state, boolean empty) {
        super.updateItem(state, empty);
        getStyleClass().removeIf(style -> style.startsWith(prefix));
        if (empty || state == null) {
            setText(null);
            setGraphic(null);
            return;
        }
        getStyleClass().add(prefix + state);
        setText(state);
        setGraphic(graphic.apply(state));
    }
}
