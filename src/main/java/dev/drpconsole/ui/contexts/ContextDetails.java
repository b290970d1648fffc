package dev.drpconsole.ui.contexts;

import dev.drpconsole.ui.common.DetailsGrid;
import dev.drpconsole.ui.common.DetailsPane;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;

/**
 * The selected context in full ({@code #context-details}): description, engine and image, DRP's validation, where
 * the image is, and which machines use it. Follows the selection, and so live updates of the selected row.
 */
final class ContextDetails extends DetailsPane<ContextRow> {
    private final Label description = new Label();
    private final Label engine;
    private final Label image;
    private final Label available;
    private final Label imageStatus;
    private final Label usedBy;
    private final Label changes;

    ContextDetails(ObservableValue<ContextRow> selected) {
        super("context-details", "Select a context to see its details.");
        setMinWidth(260);
        description.setWrapText(true);
        description.getStyleClass().add("hint");
        DetailsGrid grid = new DetailsGrid();
        engine = grid.addRow("Engine", "context-details-engine");
        image = grid.addRow("Image", "context-details-image");
        image.getStyleClass().add("mono");
        available = grid.addRow("Available", "context-details-available");
        imageStatus = grid.addRow("Image status", "context-details-image-status");
        usedBy = grid.addRow("Used by", "context-details-used-by");
        changes = grid.addRow("Changes", "context-details-changes");
        getChildren().addAll(title, description, grid);
        follow(selected);
    }

    @Override
    protected void fill(ContextRow row) {
        title.setText(row.name());
        description.setText(row.context().description().isBlank() ? "No description." : row.context().description());
        engine.setText(row.engine());
        image.setText(row.imageName());
        available.setText(row.context().available() ? "Yes, DRP validated it" : row.availability());
        imageStatus.setText(!row.imageChecked() ? "The engine plugin " + row.engine() + " finds its images itself;"
                + " the console checks images for docker-context contexts only."
                : row.image() == null ? row.imageStatus() : row.image().explain(row.imageName())
                + (row.image().usable() ? "" : " Build or load it on the engine, or publish its docker save tar as"
                + " files/" + row.image().layout().pathOf(row.imageName()) + "."));
        changes.setText(row.readOnlyReason().isEmpty() ? "Edit and Delete change it on the endpoint."
                : "Read-only: " + row.readOnlyReason() + ".");
        usedBy.setText(row.usedBy().isEmpty() ? "No machine uses it yet." : String.join("\n", row.usedBy()));
    }
}
