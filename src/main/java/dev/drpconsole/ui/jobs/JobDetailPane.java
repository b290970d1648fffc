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
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import dev.drpconsole.ui.common.LazyTooltip;

/**
 * The selected job: its fields over its output. Ids: {@code #job-detail}, {@code #job-detail-state},
 * {@code #job-detail-task}, {@code #job-detail-stage}, {@code #job-detail-context}, {@code #job-detail-started},
 * {@code #job-detail-duration}, {@code #job-detail-exit}, {@code #job-detail-uuid}, {@code #job-machine-link}
 * (to Runner machines, shown only for a runner machine; else {@code #job-detail-machine} with
 * {@code #job-machine-note} saying why), {@code #job-container-link} (to the runner container it ran in, while the
 * engine has it; else {@code #job-container-note} saying it is gone and why) and {@code #job-log}, a {@link LogView}.
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
    private final Label machinePlain = value("machine");
    private final Label machineNote = note("job-machine-note");
    private final Hyperlink container = new Hyperlink("runner container");
    private final Label containerNote = note("job-container-note");
    private final VBox notes = new VBox(2, machineNote, containerNote);
    private final VBox summary = new VBox(facts, notes);
    private final ChangeListener<Object> refresh = (obs, old, now) -> showFields();
    private JobRow row;

    JobDetailPane(JobsViewModel viewModel, LogView log) {
        this.viewModel = viewModel;
        this.log = log;
        setId("job-detail");
        getStyleClass().add("job-detail");
        machine.setId("job-machine-link");
        machine.setOnAction(e -> Optional.ofNullable(row).ifPresent(this::openMachine));
        container.setId("job-container-link");
        container.setOnAction(e -> Optional.ofNullable(row).ifPresent(this::openContainer));
        uuid.getStyleClass().add("monospace");
        facts.getStyleClass().add("job-facts");
        LazyTooltip.install(machine, () -> "Show it in Runner machines");
        LazyTooltip.install(container, () -> "Show " + (row == null ? "it" : JobsViewModel.containerOf(row))
                + " and its log in Containers");
        facts.addRow(0, name("State"), state, name("Task"), task, name("Machine"), new HBox(machine, machinePlain));
        facts.addRow(1, name("Stage"), stage, name("Context"), new HBox(4, context, container),
                name("Exit state"), exit);
        viewModel.onContainersChanged(() -> {
            if (row != null) {
                checkContainer();
            }
        });
        viewModel.onMachineLinksChanged(() -> {
            if (row != null) {
                showState();
                showMachineLink();
                checkContainer();
            }
        });
        facts.addRow(2, name("Started"), started, name("Duration"), duration, name("Job"), uuid);
        // Why a link is missing, under the facts and across the pane: one or two lines, not a tall column.
        notes.getStyleClass().add("job-notes");
        summary.getStyleClass().add("job-summary");
        notes.managedProperty().bind(machineNote.managedProperty().or(containerNote.managedProperty()));
        notes.visibleProperty().bind(notes.managedProperty());
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
        setTop(summary);
        showFields();
        checkContainer();
    }

    private void showFields() {
        Job job = row.job();
        showState();
        state.setGraphic(JobStateIcon.of(job.state()).node(15));
        state.getStyleClass().removeIf(style -> style.startsWith("job-state-"));
        state.getStyleClass().add("job-state-" + job.state());
        task.setText(job.task());
        showMachineLink();
        stage.setText(dash(job.stage()));
        context.setText(job.context().isEmpty() ? "machine's own agent" : job.context());
        if (job.context().isEmpty()) {
            showContainerLink(false, "");
        }
        started.setText(job.startTime().map(time -> JobFormat.started(time, Instant.now(), ZoneId.systemDefault()))
                .orElse("—"));
        duration.setText(dash(JobFormat.duration(row.durationProperty().get())));
        exit.setText(dash(job.exitState()));
        uuid.setText(job.uuid());
        log.setTitle(job.task() + " on " + row.machineProperty().get());
    }

    /** An incomplete job says it runs again, and what it waits for. */
    private void showState() {
        state.setText(viewModel.stateText(row));
    }

    /** A link only where it leads to the machine; otherwise its name, and why there is no link. */
    private void showMachineLink() {
        String label = row.machineProperty().get();
        JobsViewModel.MachineLink link = viewModel.machineLink(row);
        boolean linked = link == JobsViewModel.MachineLink.RUNNER || link == JobsViewModel.MachineLink.UNKNOWN;
        machine.setText(label);
        machinePlain.setText(label);
        shown(machine, linked);
        shown(machinePlain, !linked);
        machineNote.setText(switch (link) {
            case NOT_A_RUNNER -> label + " is an ordinary machine now (no context): Runner machines does not list it.";
            case IN_CONTEXT_FOR_NOW -> label + " is in context " + viewModel.contextForNow(row) + " for this task only"
                    + " (it has no BaseContext, so it is no runner): Runner machines does not list it.";
            case DELETED -> label + " has been deleted from the endpoint since.";
            default -> "";
        });
    }

    /** Goes to Runner machines only while the machine is listed there; otherwise says why not. */
    private void openMachine(JobRow clicked) {
        if (viewModel.machineLink(clicked) == JobsViewModel.MachineLink.RUNNER) {
            viewModel.showMachine(clicked);
        } else {
            showMachineLink();
        }
    }

    /** Checks first: the container may have gone since the job was shown. */
    private void openContainer(JobRow clicked) {
        checkContainer(clicked, () -> viewModel.showContainer(clicked));
    }

    /** Whether the container the job ran in is still on the engine. */
    private void checkContainer() {
        if (!row.job().context().isEmpty()) {
            checkContainer(row, () -> { });
        }
    }

    private void checkContainer(JobRow checked, Runnable whenThere) {
        viewModel.checkContainer(checked, there -> {
            boolean gone = there.isPresent() && !there.get();
            showContainerLink(!gone, gone ? "It ran in " + JobsViewModel.containerOf(checked) + ", which is gone "
                    + "from the engine: DRP removes a runner container when its machine's context changes back "
                    + "(a workflow's last step often does)." : "");
            if (!gone) {
                whenThere.run();
            }
        });
    }

    private void showContainerLink(boolean linked, String why) {
        shown(container, linked);
        containerNote.setText(why);
    }

    private static void shown(javafx.scene.Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }

    /** A line under a fact that explains it; wraps, never cut. */
    private static Label note(String id) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("fact-note");
        label.setWrapText(true);
        label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        label.setMaxWidth(Double.MAX_VALUE);
        label.managedProperty().bind(label.textProperty().isNotEmpty());
        label.visibleProperty().bind(label.managedProperty());
        return label;
    }

    private static String dash(String text) {
        return text.isEmpty() ? "—" : text;
    }

    private static Label name(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("fact-name");
        label.setMinWidth(Region.USE_PREF_SIZE); // the values give way, never the names
        return label;
    }

    private static Label value(String id) {
        Label label = new Label();
        label.setId("job-detail-" + id);
        label.getStyleClass().add("fact-value");
        return label;
    }
}
