package dev.drpconsole.ui.common;

import java.util.Objects;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;

/** Stacked views of a page of which only the one for the current status shows (the table, "connecting"…). */
public final class StatusStack<S> extends StackPane {
    private final ObservableValue<S> status;

    public StatusStack(ObservableValue<S> status) {
        this.status = status;
    }

    /** Adds {@code node}, shown (and laid out) only while the status is {@code when}. */
    public StatusStack<S> show(S when, Node node) {
        BooleanBinding now = Bindings.createBooleanBinding(() -> Objects.equals(status.getValue(), when), status);
        node.visibleProperty().bind(now);
        node.managedProperty().bind(now);
        getChildren().add(node);
        return this;
    }
}
