package dev.drpconsole.ui.jobs;

import dev.drpconsole.core.drp.Job;
import dev.drpconsole.ui.common.StateCell;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.util.Callback;

/**
 * The jobs as a sortable table, newest first until the user sorts otherwise; its rows, their order and the filters
 * come from a {@link dev.drpconsole.ui.common.FilteredTable}.
 * Column ids: {@code #jobs-col-state}, {@code -task}, {@code -machine}, {@code -stage}, {@code -context},
 * {@code -started}, {@code -duration}, {@code -exit}.
 */
final class JobsTable extends TableView<JobRow> {
    private final Label placeholder = new Label();

    JobsTable() {
        setId("jobs-table");
        getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);

        TableColumn<JobRow, String> state = column("State", "state", 100, jobField(Job::state));
        state.setCellFactory(column -> new StateCell<>("job-state", value -> JobStateIcon.of(value).node(15)));
        TableColumn<JobRow, String> task = column("Task", "task", 170, jobField(Job::task));
        TableColumn<JobRow, String> machine = column("Machine", "machine", 120, JobRow::machineProperty);
        TableColumn<JobRow, String> stage = column("Stage", "stage", 140, jobField(Job::stage));
        TableColumn<JobRow, String> context = column("Context", "context", 80, jobField(Job::context));
        TableColumn<JobRow, Instant> started = column("Started", "started", 84,
                jobField(job -> job.startTime().orElse(null)));
        started.setCellFactory(column -> formatted(time -> JobFormat.started(time, Instant.now(),
                ZoneId.systemDefault())));
        started.setSortType(TableColumn.SortType.DESCENDING);
        TableColumn<JobRow, Duration> duration = column("Duration", "duration", 76, JobRow::durationProperty);
        duration.setCellFactory(column -> formatted(JobFormat::duration));
        duration.getStyleClass().add("numeric-column");
        TableColumn<JobRow, String> exit = column("Exit state", "exit", 84, jobField(Job::exitState));
        getColumns().setAll(List.of(state, task, machine, stage, context, started, duration, exit));
        // At 1024 px every column shrinks in proportion, but never below its title (or a state with its icon).
        state.setMinWidth(96);
        task.setMinWidth(80);
        machine.setMinWidth(84);
        stage.setMinWidth(70);
        context.setMinWidth(82);
        started.setMinWidth(86);
        duration.setMinWidth(92);
        exit.setMinWidth(92);
        getSortOrder().add(started);

        placeholder.setWrapText(true);
        placeholder.setMaxWidth(560);
        placeholder.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        placeholder.getStyleClass().add("table-placeholder");
        setPlaceholder(placeholder);
    }

    void setPlaceholderText(String text) {
        placeholder.setText(text);
    }

    private static <T> Callback<JobRow, ObservableValue<T>> jobField(Function<Job, T> field) {
        return row -> row.jobProperty().map(field);
    }

    private static <T> TableColumn<JobRow, T> column(String title, String id, double width,
            Callback<JobRow, ObservableValue<T>> value) {
        TableColumn<JobRow, T> column = new TableColumn<>(title);
        column.setId("jobs-col-" + id);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> value.call(cell.getValue()));
        return column;
    }

    private static <T> TableCell<JobRow, T> formatted(Function<T, String> format) {
        return new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : format.apply(item));
            }
        };
    }
}
