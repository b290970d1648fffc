package dev.drpconsole.ui.containers;

import javafx.scene.control.TableCell;
import javafx.scene.shape.Circle;

/** A container's state as a coloured dot and the engine's word (running, exited…); colours come from CSS. */
final class ContainerStateCell extends TableCell<ContainerRow, String> {
    private static final String PREFIX = "container-state-";
    private final Circle dot = new Circle(4.5);

    ContainerStateCell() {
        dot.getStyleClass().add("container-state-dot");
        getStyleClass().add("container-state");
    }

    @Override
    protected void updateItem(String state, boolean empty) {
        super.updateItem(state, empty);
        getStyleClass().removeIf(style -> style.startsWith(PREFIX));
        if (empty || state == null) {
            setText(null);
            setGraphic(null);
            return;
        }
        getStyleClass().add(PREFIX + state);
        setText(state);
        setGraphic(dot);
    }
}
