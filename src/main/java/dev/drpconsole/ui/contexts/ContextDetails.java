package dev.drpconsole.ui.contexts;

import dev.drpconsole.ui.common.DetailsGrid;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The selected context in full ({@code #context-details}): description, engine and image, DRP's validation, where
 * the image is, and which machines use it. Follows the selection, and so live updates of the selected row.
 */
final class ContextDetails extends VBox {
    private final Label title = new Label();
    private final Label description = new Label();
    private final Label engine;
    private final Label image;
    private final Label available;
    private final Label imageStatus;
    private final Label usedBy;
    private final Label nothing = new Label("Select a context to see its details.");

    ContextDetails(ObservableValue<ContextRow> selected) {
        setId("context-details");
        getStyleClass().add("details-pane");
        setMinWidth(260);
        title.getStyleClass().add("details-title");
        description.setWrapText(true);
        description.getStyleClass().add("hint");
        DetailsGrid grid = new DetailsGrid();
        engine = grid.addRow("Engine", "context-details-engine");
        image = grid.addRow("Image", "context-details-image");
        image.getStyleClass().add("mono");
        available = grid.addRow("Available", "context-details-available");
        imageStatus = grid.addRow("Image status", "context-details-image-status");
        usedBy = grid.addRow("Used by", "context-details-used-by");
        nothing.getStyleClass().add("hint");
        getChildren().addAll(title, description, grid, nothing);
        show(selected.getValue());
        selected.addListener((obs, old, now) -> show(now));
    }

    private void show(ContextRow row) {
        boolean any = row != null;
        getChildren().forEach(child -> child.setVisible(any == (child != nothing)));
        getChildren().forEach(child -> child.setManaged(child.isVisible()));
        if (!any) {
            return;
        }
        title.setText(row.name());
        description.setText(row.context().description().isBlank() ? "No description." : row.context().description());
        engine.setText(row.engine());
        image.setText(row.imageName());
        available.setText(row.context().available() ? "Yes, DRP validated it" : row.availability());
        imageStatus.setText(row.image() == null ? row.imageStatus() : row.image().explain()
                + (row.image().usable() ? "" : " Build or load it on the engine, or publish its docker save tar as"
                + " files/" + ImageCheck.PUBLISHED_DIR + row.imageName() + "."));
        usedBy.setText(row.usedBy().isEmpty() ? "No machine uses it yet." : String.join("\n", row.usedBy()));
    }
}
