package dev.drpconsole.ui.runners;

import dev.drpconsole.ui.common.DetailsGrid;
import dev.drpconsole.ui.common.DetailsPane;
import dev.drpconsole.ui.common.Icon;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The selected runner machine in full ({@code #runner-details}), with the ways to follow it elsewhere:
 * {@code #runner-logs} (its container's log) and {@code #runner-job} (its current job). Follows live updates of
 * the selected row.
 */
final class RunnerDetails extends DetailsPane<RunnerRow> {
    private final Label uuid;
    private final Label context;
    private final Label workflow;
    private final Label task;
    private final Label runnable;
    private final Label locked;
    private final Label job;
    private final Label container;
    private final Button logs = new Button("Container logs", Icon.TEXT_BOX_OUTLINE.node(16));
    private final Button currentJob = new Button("Current job", Icon.PLAY_CIRCLE_OUTLINE.node(16));
    private final GridPane columns = new GridPane();
    private final RunnersViewModel model;
    private RunnerRow shown;

    RunnerDetails(ObservableValue<RunnerRow> selected, RunnersViewModel model) {
        super("runner-details", "Select a runner machine to see its details.");
        this.model = model;
        DetailsGrid left = new DetailsGrid();
        uuid = left.addRow("UUID", "runner-details-uuid");
        uuid.getStyleClass().add("mono");
        context = left.addRow("Context", "runner-details-context");
        workflow = left.addRow("Workflow", "runner-details-workflow");
        task = left.addRow("Task", "runner-details-task");
        DetailsGrid right = new DetailsGrid();
        runnable = right.addRow("Runnable", "runner-details-runnable");
        locked = right.addRow("Locked", "runner-details-locked");
        job = right.addRow("Current job", "runner-details-job");
        container = right.addRow("Container", "runner-details-container");
        layoutColumns(left, right);
        logs.setId("runner-logs");
        logs.setOnAction(e -> model.showContainerLogs(shown));
        currentJob.setId("runner-job");
        currentJob.setOnAction(e -> model.showCurrentJob(shown));
        HBox actions = new HBox(logs, currentJob);
        actions.getStyleClass().add("details-actions");
        getChildren().addAll(new HBox(12, title, actions), columns);
        follow(selected);
    }

    private void layoutColumns(DetailsGrid left, DetailsGrid right) {
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        half.setHgrow(Priority.ALWAYS);
        columns.getColumnConstraints().addAll(half, half);
        columns.setHgap(24);
        columns.addRow(0, left, right);
    }

    @Override
    protected void fill(RunnerRow row) {
        shown = row;
        title.setText(row.name());
        uuid.setText(row.uuid());
        context.setText(describeContext(row));
        workflow.setText(row.workflowStage().isBlank() ? "none" : row.workflowStage());
        task.setText(row.progress().total() == 0 ? "No tasks" : row.progress() + (row.currentTaskName().isEmpty()
                ? "" : " · " + row.currentTaskName()));
        runnable.setText(row.machine().runnable() ? "Yes" : "No: DRP hands it no jobs until it is made runnable");
        locked.setText(row.machine().locked() ? "Yes: " + model.unlockHint(row) : "No");
        job.setText(row.jobUuid().isEmpty() ? "none" : row.jobState() + " · " + row.jobUuid());
        container.setText(RunnerRow.OTHER_ENGINE.equals(row.container())
                ? "No container: its context runs on another engine plugin, not docker-context"
                : RunnerRow.NOT_WATCHED.equals(row.container())
                ? row.containerName() + " is not watched: this endpoint has no runner engine. Set one in its"
                        + " connection settings (Runner engine, e.g. ssh://root@<the DRP host>)"
                : row.container() + " · " + row.containerName());
        currentJob.setDisable(row.jobUuid().isEmpty());
    }

    private static String describeContext(RunnerRow row) {
        String now = row.context().isEmpty() ? "its own agent" : row.context();
        return row.baseContext().isEmpty() || row.baseContext().equals(row.context()) ? now
                : now + " (base: " + row.baseContext() + ")";
    }
}
