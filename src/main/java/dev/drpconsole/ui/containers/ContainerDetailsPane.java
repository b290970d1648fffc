package dev.drpconsole.ui.containers;

import dev.drpconsole.core.engine.ContainerSummary;
import dev.drpconsole.core.engine.EngineException;
import dev.drpconsole.core.engine.LogLine;
import dev.drpconsole.core.engine.LogListener;
import dev.drpconsole.core.engine.RunnerContainerName;
import dev.drpconsole.ui.logview.LogView;
import java.util.concurrent.Executor;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;

/**
 * The selected container's log and inspection, as two tabs. The log is followed while a container is selected
 * and the page is shown; a container that starts again (restart) is followed afresh. Ids:
 * {@code #container-details}, {@code #container-logs-tab}, {@code #container-inspect-tab}, {@code #container-log}
 * (the {@link LogView}), {@code #container-log-status}.
 */
final class ContainerDetailsPane extends TabPane {
    private static final long MAX_LOG_LINES = 200_000;
    private static final String SELECT_ONE = "Select a container to follow its log.";
    /** Why a runner container a link names may be missing. */
    static final String RUNNER_GONE = "DRP's docker-context plugin removes a machine's runner container when the "
            + "machine's context changes away (a workflow's last step often switches back) or the machine is deleted.";

    private final ContainersViewModel viewModel;
    private final Executor fxThread;
    private final LogView log = new LogView(MAX_LOG_LINES);
    private final Label logStatus = new Label();
    private final ContainerInspectPane inspect = new ContainerInspectPane();
    private final Tab logsTab;
    private final Tab inspectTab;
    private final ChangeListener<ContainerSummary> restarted = (obs, old, now) -> {
        if (now.isRunning() && !old.isRunning()) {
            follow();
        }
    };
    private ContainerRow row;
    private AutoCloseable following;
    private boolean active;

    /** @param fxThread where the end of a followed log is told (the log's stream thread hands it over) */
    ContainerDetailsPane(ContainersViewModel viewModel, Executor fxThread) {
        this.viewModel = viewModel;
        this.fxThread = fxThread;
        setId("container-details");
        getStyleClass().add("details-tabs");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        log.setId("container-log");
        log.setPlaceholderText(SELECT_ONE);
        log.setTimeSource(LogView.TimeSource.ENGINE);
        logStatus.setId("container-log-status");
        logStatus.getStyleClass().add("log-end-status");
        logStatus.setWrapText(true);
        logStatus.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        logStatus.setMaxWidth(Double.MAX_VALUE);
        logStatus.managedProperty().bind(logStatus.textProperty().isNotEmpty());
        logStatus.visibleProperty().bind(logStatus.managedProperty());
        BorderPane logBox = new BorderPane(log);
        logBox.setBottom(logStatus);
        logsTab = new Tab("Log", logBox);
        logsTab.setId("container-logs-tab");
        inspectTab = new Tab("Inspect", inspect);
        inspectTab.setId("container-inspect-tab");
        getTabs().setAll(logsTab, inspectTab);
        getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now == inspectTab) {
                loadInspection();
            }
        });
    }

    /** The table's selection changed. */
    void show(ContainerRow newRow) {
        if (newRow == row) {
            return;
        }
        forget();
        row = newRow;
        if (row != null) {
            row.summaryProperty().addListener(restarted);
        }
        log.setPlaceholderText(SELECT_ONE);
        follow();
        if (getSelectionModel().getSelectedItem() == inspectTab) {
            loadInspection();
        }
    }

    /**
     * The container shown went away (removed from the engine): its log stays as it was, and says so; nothing
     * else is selected in its place.
     */
    void showGone(ContainerRow goneRow, String why) {
        if (row != goneRow) {
            show(goneRow);
        }
        forget();
        row = null;
        stopFollowing();
        log.setTitle(goneRow.name() + " (gone)");
        logStatus.setText(why + " Its log is shown as it was when it went; select another container to see that "
                + "one.");
    }

    /** A container asked for by name (a link from another view) is not on the engine: say so plainly. */
    void showMissing(String name) {
        show(null);
        log.setTitle(name);
        log.setPlaceholderText(name + " is not on the container engine. "
                + (name.startsWith(RunnerContainerName.PREFIX) ? RUNNER_GONE : "It may have been removed.")
                + " It is selected here if it appears.");
    }

    private void forget() {
        if (row != null) {
            row.summaryProperty().removeListener(restarted);
        }
        inspect.clear();
    }

    void showLogs() {
        getSelectionModel().select(logsTab);
    }

    void showInspection() {
        getSelectionModel().select(inspectTab);
        loadInspection();
    }

    /** The page was shown: follow the selected container's log again. */
    void activate() {
        active = true;
        follow();
    }

    /** The page was hidden: no log stream stays open. */
    void deactivate() {
        active = false;
        stopFollowing();
    }

    private void follow() {
        stopFollowing();
        log.clear();
        logStatus.setText("");
        log.setTitle(row == null ? "" : row.name());
        if (row == null || !active) {
            return;
        }
        ContainerRow followed = row;
        following = viewModel.followLogs(followed, new LogListener() {
            private volatile boolean endTold;

            @Override
            public void onLine(LogLine line) {
                if (endTold) { // it started again, and its log goes on
                    endTold = false;
                    status(followed, "");
                }
                // The engine's time for the line, not when it reached the console (a tail read later is older).
                line.timestamp().ifPresentOrElse(time -> log.append(line.text(), time),
                        () -> log.append(line.text()));
            }

            @Override
            public void onEnd() {
                endTold = true;
                status(followed, "The container stopped; its log ends here.");
            }

            @Override
            public void onFailure(EngineException failure) {
                status(followed, "The log could not be followed: " + failure.getMessage());
            }
        });
    }

    private void status(ContainerRow followed, String text) {
        fxThread.execute(() -> {
            if (row == followed) {
                logStatus.setText(text);
            }
        });
    }

    private void stopFollowing() {
        if (following != null) {
            // Closing an engine stream may wait on the socket: not on the FX thread.
            viewModel.stopFollowingLogs(following);
            following = null;
        }
    }

    private void loadInspection() {
        if (row == null) {
            inspect.clear();
            return;
        }
        ContainerRow inspected = row;
        viewModel.inspect(inspected, inspection -> {
            if (row == inspected) {
                inspect.show(inspection);
            }
        });
    }
}
