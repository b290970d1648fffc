package dev.drpconsole.ui.containers;

import dev.drpconsole.core.engine.ContainerSummary;
import dev.drpconsole.ui.common.Icon;
import dev.drpconsole.ui.common.StateCell;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.shape.Circle;
import javafx.util.Callback;

/**
 * The containers as a sortable table, by name until the user sorts otherwise; its rows, their order and the filter
 * come from a {@link dev.drpconsole.ui.common.FilteredTable}.
 * Column ids: {@code #containers-col-name}, {@code -state}, {@code -image}, {@code -status}, {@code -machine}.
 */
final class ContainersTable extends TableView<ContainerRow> {
    private static final PseudoClass FOREIGN = PseudoClass.getPseudoClass("foreign");
    private final Label placeholder = new Label();

    ContainersTable() {
        setId("containers-table");
        getStyleClass().add("containers-table");
        getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);

        TableColumn<ContainerRow, String> name = column("Name", "name", 330,
                row -> row.summaryProperty().map(ContainerSummary::name));
        // Runner names differ only in their UUIDs and image names in their tags: keep both ends in sight.
        name.setCellFactory(column -> centreEllipsis());
        TableColumn<ContainerRow, String> state = column("State", "state", 100,
                row -> row.summaryProperty().map(ContainerSummary::state));
        state.setCellFactory(column -> {
            Circle dot = new Circle(4.5);
            dot.getStyleClass().add("container-state-dot");
            return new StateCell<>("container-state", value -> dot);
        });
        TableColumn<ContainerRow, String> image = column("Image", "image", 190,
                row -> row.summaryProperty().map(ContainerSummary::image));
        image.setCellFactory(column -> centreEllipsis());
        TableColumn<ContainerRow, String> status = column("Status", "status", 150,
                row -> row.summaryProperty().map(ContainerSummary::status));
        TableColumn<ContainerRow, String> machine = column("Machine", "machine", 160, ContainerRow::machineProperty);
        machine.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                ContainerRow row = getTableRow() == null ? null : getTableRow().getItem();
                boolean foreign = !empty && row != null && row.isRunner() && !row.isOurs();
                setGraphic(foreign ? Icon.ALERT_CIRCLE_OUTLINE.node(13) : null);
            }
        });
        getColumns().setAll(List.of(name, state, image, status, machine));
        // At 1024 px every column shrinks in proportion, but never below its title.
        name.setMinWidth(120);
        state.setMinWidth(96);
        image.setMinWidth(90);
        status.setMinWidth(80);
        machine.setMinWidth(90);
        setRowFactory(view -> new ForeignAwareRow());
        getSortOrder().add(name);

        placeholder.setWrapText(true);
        placeholder.setMaxWidth(520);
        placeholder.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        placeholder.getStyleClass().add("table-placeholder");
        setPlaceholder(placeholder);
    }

    /** Marks the runner of a machine the signed-in endpoint does not have (listed only under "All containers"). */
    private static final class ForeignAwareRow extends TableRow<ContainerRow> {
        private final InvalidationListener ownershipChanged = obs -> mark();

        @Override
        protected void updateItem(ContainerRow row, boolean empty) {
            ContainerRow old = getItem();
            if (old != null) {
                old.oursProperty().removeListener(ownershipChanged);
            }
            super.updateItem(row, empty);
            if (row != null && !empty) {
                row.oursProperty().addListener(ownershipChanged);
            }
            mark();
        }

        private void mark() {
            ContainerRow row = getItem();
            pseudoClassStateChanged(FOREIGN, row != null && !isEmpty() && row.isRunner() && !row.isOurs());
        }
    }

    /** What an empty table says. */
    void setPlaceholderText(String text) {
        placeholder.setText(text);
    }

    private static TableCell<ContainerRow, String> centreEllipsis() {
        TableCell<ContainerRow, String> cell = new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
            }
        };
        cell.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        return cell;
    }

    private static TableColumn<ContainerRow, String> column(String title, String id, double width,
            Callback<ContainerRow, ObservableValue<String>> value) {
        TableColumn<ContainerRow, String> column = new TableColumn<>(title);
        column.setId("containers-col-" + id);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> value.call(cell.getValue()));
        return column;
    }
}
