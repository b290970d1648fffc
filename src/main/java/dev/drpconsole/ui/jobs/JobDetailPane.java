package dev.drpconsole.ui.jobs;

import dev.drpconsole.core.drp.Job;
import dev.drpconsole.ui.logview.LogView;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

/**
 * The selected job: its fields over its output. Ids: {@code #job-detail}, {@code #job-detail-state},
 * {@code #job-detail-task}, {@code #job-detail-stage}, {@code #job-detail-context}, {@code #job-detail-started},
 * {@code #job-detail-duration}, {@code #job-detail-exit}, {@code #job-detail-uuid}, {@code #job-machine-link}
 * (to Runner machines), {@code #job-container-link} (to its runner container) and {@code #job-log}, a
 * {@link LogView}.
 */
final class JobDetailPane extends BorderPane {
    private final JobsViewModel viewModel;
    private final LogView log;
    private final GridPane facts = new GridPane();
    private final Label hint = new Label("Select a job to see its details and output.");
    private final Label state = value("state");
    private final Label task = value("task");
    private final Label stage = value("stage");
    private final Label context = value("context");
    private final Label started = value("started");
    private final Label duration = value("duration");
    private final Label exit = value("exit");
    private final Label uuid = value("uuid");
    private final Hyperlink machine = new Hyperlink();
    private final Hyperlink container = new Hyperlink("runner container");
    private final ChangeListener<Object> refresh = (obs, old, now) -> showFields();
    private JobRow row;

    JobDetailPane(JobsViewModel viewModel, LogView log) {
        this.viewModel = viewModel;
        this.log = log;
        setId("job-detail");
        getStyleClass().add("job-detail");
        machine.setId("job-machine-link");
        machine.setOnAction(e -> Optional.ofNullable(row).ifPresent(viewModel::showMachine));
        container.setId("job-container-link");
        container.setOnAction(e -> Optional.ofNullable(row).ifPresent(viewModel::showContainer));
        uuid.getStyleClass().add("monospace");
        facts.getStyleClass().add("job-facts");
        facts.addRow(0, name("State"), state, name("Task"), task, name("Machine"), machine);
        facts.addRow(1, name("Stage"), stage, name("Context"), new HBox(4, context, container),
                name("Exit state"), exit);
        facts.addRow(2, name("Started"), started, name("Duration"), duration, name("Job"), uuid);
        hint.getStyleClass().add("details-hint");
        setTop(new StackPane(hint));
        log.setId("job-log");
        log.setPlaceholderText("The job has not written anything yet.");
        setCenter(log);
    }

    void show(JobRow newRow) {
        if (row != null) {
            row.jobProperty().removeListener(refresh);
            row.durationProperty().removeListener(refresh);
            row.machineProperty().removeListener(refresh);
        }
        row = newRow;
        if (row == null) {
            setTop(new StackPane(hint));
            log.setTitle("");
            return;
        }
        row.jobProperty().addListener(refresh);
        row.durationProperty().addListener(refresh);
        row.machineProperty().addListener(refresh);
        setTop(facts);
        showFields();
    }

    private void showFields() {
        Job job = row.job();
        state.setText(job.state());
        state.setGraphic(JobStateIcon.of(job.state()).node(15));
        state.getStyleClass().removeIf(style -> style.startsWith("job-state-"));
        state.getStyleClass().add("job-state-" + job.state());
        task.setText(job.task());
        machine.setText(row.machineProperty().get());
        stage.setText(dash(job.stage()));
        context.setText(job.context().isEmpty() ? "machine's own agent" : job.context());
        container.setVisible(!job.context().isEmpty());
        started.setText(job.startTime().map(time -> JobFormat.started(time, Instant.now(), ZoneId.systemDefault()))
                .orElse("—"));
        duration.setText(dash(JobFormat.duration(row.durationProperty().get())));
        exit.setText(dash(job.exitState()));
        uuid.setText(job.uuid());
        log.setTitle(job.task() + " on " + row.machineProperty().get());
    }

    private static String dash(String text) {
        return text.isEmpty() ? "—" : text;
    }

    private static Label name(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("fact-name");
        return label;
    }

    private static Label value(String id) {
        Label label = new Label();
        label.setId("job-detail-" + id);
        label.getStyleClass().add("fact-value");
        return label;
    }
}
