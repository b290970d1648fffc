package dev.drpconsole.ui.runners;


import dev.drpconsole.ui.common.Icon;
import dev.drpconsole.ui.common.TextCell;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;

/** The runner machines table ({@code #runners-table}); column ids are {@code runners-col-<name>}. */
final class RunnersTable extends TableView<RunnerRow> {

    RunnersTable() {
        setId("runners-table");
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        setPlaceholder(new Label("No runner machine matches the filter."));
        TableColumn<RunnerRow, String> name = column("Name", "name", 140, RunnerRow::name, text -> null);
        name.setCellFactory(c -> new NameCell());
        getColumns().add(name);
        TableColumn<RunnerRow, String> uuid = column("UUID", "uuid", 90, RunnerRow::shortUuid, text -> "cell-muted");
        uuid.setCellFactory(c -> new UuidCell());
        getColumns().add(uuid);
        getColumns().add(column("Context", "context", 100, RunnerRow::context, text -> null));
        getColumns().add(column("Base context", "base-context", 100, RunnerRow::baseContext, text -> null));
        getColumns().add(column("Stage", "workflow", 130, RunnerRow::workflowStage, text -> null));
        getColumns().add(progressColumn());
        getColumns().add(column("Runnable", "runnable", 80, RunnerRow::runnable,
                text -> "No".equals(text) ? "cell-warn" : null));
        getColumns().add(column("Job", "job", 85, RunnerRow::jobState, RunnersTable::jobStyle));
        getColumns().add(column("Container", "container", 95, RunnerRow::container, RunnersTable::containerStyle));
        getSortOrder().add(getColumns().get(0));
        // At 1024 px every column shrinks in proportion, but never below its title.
        double[] least = {110, 56, 80, 124, 84, 64, 92, 52, 100};
        for (int i = 0; i < least.length; i++) {
            getColumns().get(i).setMinWidth(least[i]);
        }
    }

    private static TableColumn<RunnerRow, String> column(String title, String id, double width,
            Function<RunnerRow, String> value, Function<String, String> style) {
        return TextCell.column(title, "runners-col-" + id, width, value, style);
    }

    private static TableColumn<RunnerRow, TaskProgress> progressColumn() {
        TableColumn<RunnerRow, TaskProgress> column = new TableColumn<>("Tasks");
        column.setId("runners-col-tasks");
        column.setPrefWidth(120);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().progress()));
        column.setCellFactory(c -> new ProgressCell());
        return column;
    }

    static String containerStyle(String state) {
        return switch (state) {
            case "running" -> "cell-ok";
            case RunnerRow.MISSING, "created", "restarting", "paused" -> "cell-warn";
            case RunnerRow.UNKNOWN, RunnerRow.CHECKING, RunnerRow.NOT_WATCHED, RunnerRow.OTHER_ENGINE ->
                    "cell-muted";
            default -> "cell-bad"; // exited, dead
        };
    }

    static String jobStyle(String state) {
        return switch (state) {
            case "failed" -> "cell-bad";
            case "running", "created" -> "cell-ok";
            case "incomplete" -> "cell-warn";
            default -> "cell-muted";
        };
    }

    /** A small bar and "done / total" for the machine's task list. */
    private static final class ProgressCell extends TableCell<RunnerRow, TaskProgress> {
        private final ProgressBar bar = new ProgressBar();
        private final Label text = new Label();
        private final HBox box = new HBox(6, bar, text);

        ProgressCell() {
            bar.setPrefWidth(54);
            bar.getStyleClass().add("small");
            bar.managedProperty().bind(bar.visibleProperty());
            box.setAlignment(Pos.CENTER_LEFT);
            setText(null);
        }

        @Override
        protected void updateItem(TaskProgress progress, boolean empty) {
            super.updateItem(progress, empty);
            if (empty || progress == null) {
                setGraphic(null);
                return;
            }
            bar.setProgress(progress.fraction());
            bar.setVisible(progress.total() > 0);
            text.setText(progress.toString());
            setGraphic(box);
        }
    }

    /** The name, with a lock before it for a locked machine (DRP refuses its changes until it is unlocked). */
    private static final class NameCell extends TextCell<RunnerRow, String> {
        private final Node lock = Icon.LOCK_OUTLINE.node(12);

        NameCell() {
            super(text -> null);
            lock.getStyleClass().add("cell-lock");
        }

        @Override
        protected void updateItem(String name, boolean empty) {
            super.updateItem(name, empty);
            setGraphic(!empty && locked() ? lock : null);
        }

        @Override
        protected String tooltipFor(String name) {
            return locked() ? name + " is locked: unlock it to change it" : name;
        }

        private boolean locked() {
            RunnerRow row = getTableRow() == null ? null : getTableRow().getItem();
            return row != null && row.machine().locked();
        }
    }

    /** The short UUID, with the whole one as tooltip. */
    private static final class UuidCell extends TextCell<RunnerRow, String> {
        UuidCell() {
            super(text -> "cell-muted");
            getStyleClass().add("mono");
        }

        @Override
        protected String tooltipFor(String shortUuid) {
            RunnerRow row = getTableRow() == null ? null : getTableRow().getItem();
            return row == null ? shortUuid : row.uuid();
        }
    }
}
