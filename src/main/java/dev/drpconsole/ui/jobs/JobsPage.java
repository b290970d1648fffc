package dev.drpconsole.ui.jobs;

import dev.drpconsole.ui.common.EmptyState;
import dev.drpconsole.ui.common.FilteredTable;
import dev.drpconsole.ui.common.Icon;
import dev.drpconsole.ui.common.LivePageLayout;
import dev.drpconsole.ui.common.PageProblemBanner;
import dev.drpconsole.ui.common.PageState;
import dev.drpconsole.ui.common.SectionPage;
import dev.drpconsole.ui.common.ViewServices;
import dev.drpconsole.ui.logview.LogView;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;

/**
 * The Jobs section: the endpoint's recent jobs in a live, sortable, filterable table, and the selected job's
 * fields and output below, the output growing while the job runs (ANSI colours rendered). Follows events only
 * while shown. {@link #reveal(String)} takes a job UUID.
 *
 * <p>Keys: Ctrl+F the text filter; in the table, Enter moves to the job's output.
 *
 * <p>Ids: {@code #jobs-page}, {@code #jobs-table}, {@code #jobs-not-connected} and {@code #jobs-loading} (empty
 * states), {@code #page-problem}, and those of {@link JobFilterBar}, {@link JobsTable} and {@link JobDetailPane}
 * ({@code #job-detail}, {@code #job-log}).
 */
public final class JobsPage implements SectionPage {
    private static final String STYLESHEET = JobsPage.class.getResource("jobs.css").toExternalForm();
    private static final long MAX_LOG_LINES = 200_000;

    private final JobsViewModel viewModel;
    private final LogView log = new LogView(MAX_LOG_LINES);
    private final JobsTable table = new JobsTable();
    private final JobFilterBar filters;
    private final FilteredTable<JobRow> rows;
    private final JobDetailPane detail;
    private final LivePageLayout root;

    public JobsPage(ViewServices services) {
        viewModel = new JobsViewModel(services, new LogViewSink(log));
        filters = new JobFilterBar(viewModel);
        rows = new FilteredTable<>(table, viewModel.rows(), filters.text(), JobRow::uuid)
                .alsoFilteredBy(viewModel.listedProperty()).alsoSearching(JobRow::uuid);
        detail = new JobDetailPane(viewModel, log);
        root = new LivePageLayout(filters, new PageProblemBanner(viewModel.problemProperty(),
                viewModel::dismissProblem), split(), notConnected(), null, loading(), viewModel.stateProperty());
        root.setId("jobs-page");
        root.getStyleClass().add("jobs-page");
        root.getStylesheets().add(STYLESHEET);
        viewModel.stateProperty().addListener((obs, old, now) -> {
            if (now == PageState.READY && root.isFocused()) {
                table.requestFocus();
            }
        });
        wireTable();
        FilteredTable.focusOnFind(root, filters.text());
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void shown() {
        viewModel.shown();
        focusTable();
    }

    /** The table takes the keyboard (arrow keys at once) rather than the filter field, first in line. */
    private void focusTable() {
        if (viewModel.stateProperty().get() == PageState.READY) {
            table.requestFocus();
        } else {
            root.requestFocus();
        }
    }

    @Override
    public void hidden() {
        viewModel.hidden();
    }

    /** Selects the job with this UUID and shows its output, once it is listed; filters are cleared for it. */
    @Override
    public void reveal(String jobUuid) {
        filters.reset();
        rows.reveal(jobUuid);
    }

    private Node split() {
        SplitPane split = new SplitPane(table, detail);
        split.setOrientation(Orientation.VERTICAL);
        // Parts that may shrink to a few rows: their minimum heights otherwise add up to more than a 640 px window
        // has, and the page pushes the status bar out of the window.
        split.setMinSize(0, 0);
        table.setMinHeight(90);
        detail.setMinHeight(90);
        split.setDividerPositions(0.45);
        split.getStyleClass().add("page-split");
        return split;
    }

    private static Node notConnected() {
        EmptyState notConnected = new EmptyState(Icon.LAN_CONNECT, "Not connected to a DRP endpoint",
                "Connect to an endpoint, or start the local sandbox, in Setup. Its jobs then appear here live, "
                        + "with their output.");
        notConnected.setId("jobs-not-connected");
        return notConnected;
    }

    private static Node loading() {
        EmptyState loading = new EmptyState(Icon.FORMAT_LIST_CHECKS, "Loading jobs…",
                "Listing the endpoint's most recent jobs.");
        loading.setId("jobs-loading");
        return loading;
    }

    private void wireTable() {
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            viewModel.selectedProperty().set(now);
            detail.show(now);
        });
        table.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                log.requestFocus();
                event.consume();
            }
        });
        viewModel.rows().addListener((ListChangeListener<JobRow>) change ->
                table.setPlaceholderText(placeholderText()));
        table.setPlaceholderText(placeholderText());
    }

    private String placeholderText() {
        if (viewModel.rows().isEmpty()) {
            return "No jobs yet. A job appears here as soon as a machine runs a task: give a runner machine a "
                    + "workflow (the demo content's context-demo, for instance) in Runner machines or Setup.";
        }
        return "No job matches the filters. The × after them clears them.";
    }
}
