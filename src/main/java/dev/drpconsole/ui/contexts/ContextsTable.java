package dev.drpconsole.ui.contexts;


import dev.drpconsole.ui.common.TextCell;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** The contexts table ({@code #contexts-table}): one sortable column per thing a user compares contexts by. */
final class ContextsTable extends TableView<ContextRow> {

    ContextsTable() {
        setId("contexts-table");
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        setPlaceholder(new Label("No context matches the filter."));
        getColumns().add(column("Name", "name", 130, ContextRow::name, null));
        getColumns().add(column("Engine", "engine", 115, ContextRow::engine, null));
        getColumns().add(column("Image", "image", 210, ContextRow::imageName, null));
        getColumns().add(column("Valid", "available", 60, ContextRow::availability,
                text -> "✓".equals(text) ? "cell-ok" : "cell-bad"));
        TableColumn<ContextRow, Integer> machines = new TableColumn<>("Machines");
        machines.setId("contexts-col-machines");
        machines.setPrefWidth(80);
        machines.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().machineCount()));
        machines.setCellFactory(column -> new TextCell<>(count -> count == 0 ? "cell-muted" : null));
        getColumns().add(machines);
        getColumns().add(column("Image status", "image-status", 170, ContextRow::imageStatus,
                ContextsTable::imageStyle));
        getSortOrder().add(getColumns().get(0));
        // Beside the details pane at 1024 px every column shrinks in proportion, but never below its title.
        double[] least = {70, 80, 90, 64, 96, 126};
        for (int i = 0; i < least.length; i++) {
            getColumns().get(i).setMinWidth(least[i]);
        }
    }

    private static TableColumn<ContextRow, String> column(String title, String id, double width,
            Function<ContextRow, String> value, Function<String, String> style) {
        return TextCell.column(title, "contexts-col-" + id, width, value, style);
    }

    /** Warns when no runner could start: the image is neither on the engine nor published. */
    private static String imageStyle(String status) {
        if (status.equals(ImageStatus.MISSING) || status.equals(ImageStatus.CHECKSUM_MISMATCH)) {
            return "cell-warn";
        }
        return status.equals(ContextRow.CHECKING) || status.equals(ContextRow.NOT_CHECKED) ? "cell-muted" : null;
    }
}
