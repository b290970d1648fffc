package dev.drpconsole.ui.common;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The pane beside a live table that shows the selected row in full, following live updates of that row; with
 * nothing selected it shows only a hint. Subclasses add their children, then call {@link #follow}.
 */
public abstract class DetailsPane<R> extends VBox {
    /** The row's name, in large type. */
    protected final Label title = new Label();
    private final Label nothing;

    /** @param hint what to do to see details, e.g. "Select a context to see its details." */
    protected DetailsPane(String id, String hint) {
        setId(id);
        getStyleClass().add("details-pane");
        title.getStyleClass().add("details-title");
        nothing = new Label(hint);
        nothing.getStyleClass().add("hint");
        nothing.setWrapText(true); // the pane is narrow at the default window size
        nothing.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    }

    /** Adds the hint after the subclass's children and shows {@code selected}'s row from now on. */
    protected final void follow(ObservableValue<R> selected) {
        getChildren().add(nothing);
        show(selected.getValue());
        selected.addListener((obs, old, now) -> show(now));
    }

    /** Fills the pane with {@code row}, which is never null. */
    protected abstract void fill(R row);

    private void show(R row) {
        boolean any = row != null;
        getChildren().forEach(child -> child.setVisible(any == (child != nothing)));
        getChildren().forEach(child -> child.setManaged(child.isVisible()));
        if (any) {
            fill(row);
        }
    }
}
