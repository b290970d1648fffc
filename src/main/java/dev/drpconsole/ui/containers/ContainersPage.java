package dev.drpconsole.ui.containers;

import dev.drpconsole.core.engine.RunnerContainerName;
import dev.drpconsole.ui.common.CompactButtons;
import dev.drpconsole.ui.common.EmptyState;
import dev.drpconsole.ui.common.FilteredTable;
import dev.drpconsole.ui.common.Icon;
import dev.drpconsole.ui.common.LazyTooltip;
import dev.drpconsole.ui.common.LivePageLayout;
import dev.drpconsole.ui.common.PageProblemBanner;
import dev.drpconsole.ui.common.PageState;
import dev.drpconsole.ui.common.SectionPage;
import dev.drpconsole.ui.common.ViewServices;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Containers section: the engine's runner containers ({@code drp-runner-<machine uuid>}; all containers with
 * {@code #containers-all}) in a live, sortable table, with their log and inspection below. Follows engine events
 * only while shown. {@link #reveal(String)} takes a container name and selects it, showing its log.
 *
 * <p>Keys: Ctrl+F filter; in the table Enter log, Ctrl+I inspect, Ctrl+R restart, Ctrl+E stop, Delete remove.
 *
 * <p>Ids: {@code #containers-page}, {@code #containers-engine} (which engine answers), {@code #containers-activity},
 * {@code #containers-filter}, {@code #containers-all}, {@code #containers-logs}, {@code #containers-inspect},
 * {@code #containers-restart}, {@code #containers-stop}, {@code #containers-remove}, {@code #containers-table},
 * {@code #containers-unreachable} (empty state) with {@code #containers-retry}, {@code #containers-connecting},
 * {@code #page-problem}, the confirmation's {@code #containers-confirm-remove}, and those of
 * {@link ContainerDetailsPane} and {@link ContainerInspectPane}.
 */
public final class ContainersPage implements SectionPage {
    private static final String STYLESHEET = ContainersPage.class.getResource("containers.css").toExternalForm();

    private final ContainersViewModel viewModel;
    private final TextField filter = new TextField();
    private final ContainersTable table = new ContainersTable();
    private final FilteredTable<ContainerRow> rows;
    private final ContainerDetailsPane details;
    private final LivePageLayout root;
    private String pendingReveal;
    /** The row whose details are shown, as the user chose it; null when none. */
    private ContainerRow chosen;
    /** The details already say that the container asked for by {@link #reveal} is not on the engine. */
    private boolean missingSaid;

    public ContainersPage(ViewServices services) {
        viewModel = new ContainersViewModel(services);
        rows = new FilteredTable<>(table, viewModel.rows(), filter, ContainerRow::id)
                .alsoFilteredBy(viewModel.listedProperty());
        details = new ContainerDetailsPane(viewModel, services.fxThread());
        root = new LivePageLayout(new VBox(header(), toolbar()),
                new PageProblemBanner(viewModel.problemProperty(), viewModel::dismissProblem), split(),
                unreachable(), null, connecting(), viewModel.stateProperty());
        root.setId("containers-page");
        root.getStyleClass().add("containers-page");
        root.getStylesheets().add(STYLESHEET);
        viewModel.machinesKnownProperty().addListener(obs -> revealIfListed());
        viewModel.stateProperty().addListener((obs, old, now) -> {
            revealIfListed();
            if (now == PageState.READY && root.isFocused()) {
                table.requestFocus();
            }
        });
        wireTable();
        FilteredTable.focusOnFind(root, filter);
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void shown() {
        viewModel.shown();
        details.activate();
        focusTable();
    }

    /** The table takes the keyboard (arrows and action keys at once) rather than the filter, first in line. */
    private void focusTable() {
        if (viewModel.stateProperty().get() == PageState.READY) {
            table.requestFocus();
        } else {
            root.requestFocus();
        }
    }

    @Override
    public void hidden() {
        details.deactivate();
        viewModel.hidden();
    }

    /** Selects the container with this name and shows its log, once it is listed. */
    @Override
    public void reveal(String containerName) {
        if (!RunnerContainerName.isRunner(containerName)) {
            viewModel.showAllProperty().set(true);
        }
        filter.clear();
        pendingReveal = containerName;
        missingSaid = false;
        rows.clearSelection();
        revealIfListed();
    }

    private Node header() {
        Label engine = new Label();
        engine.setId("containers-engine");
        engine.getStyleClass().add("engine-label");
        engine.setGraphic(Icon.DOCKER.node(18));
        engine.textProperty().bind(Bindings.when(viewModel.engineLabelProperty().isEmpty())
                .then("Looking for the container engine…").otherwise(viewModel.engineLabelProperty()));
        Label activity = new Label();
        activity.setId("containers-activity");
        activity.getStyleClass().add("activity-label");
        activity.textProperty().bind(viewModel.activityProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(10, engine, spacer, activity);
        header.getStyleClass().add("page-header");
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    private Node toolbar() {
        filter.setId("containers-filter");
        filter.setPromptText("Filter  (Ctrl+F)");
        // The filter gives way when the window is narrow; the buttons keep their words.
        filter.setPrefWidth(260);
        filter.setMinWidth(120);
        HBox.setHgrow(filter, Priority.SOMETIMES);
        LazyTooltip.install(filter, () -> "Words to find in the name, image, state, status or machine");
        CheckBox all = new CheckBox("All containers");
        all.setMinWidth(Region.USE_PREF_SIZE);
        all.setId("containers-all");
        all.selectedProperty().bindBidirectional(viewModel.showAllProperty());
        LazyTooltip.install(all, () -> "Also list containers that are not this endpoint's runners: other "
                + "containers, and the runners of machines this endpoint does not have (marked as such)");

        BooleanBinding none = table.getSelectionModel().selectedItemProperty().isNull();
        Button logs = action("containers-logs", "Log", Icon.TEXT_LONG, "follow the container's log (Enter)",
                details::showLogs);
        Button inspect = action("containers-inspect", "Inspect", Icon.TEXT_BOX_SEARCH_OUTLINE,
                "image, environment, labels, network, times, exit code (Ctrl+I)", details::showInspection);
        Button restart = action("containers-restart", "Restart", Icon.RESTART, "stop and start it again (Ctrl+R)",
                this::restartSelected);
        Button stop = action("containers-stop", "Stop", Icon.STOP, "stop it (Ctrl+E)", this::stopSelected);
        Button remove = action("containers-remove", "Remove", Icon.TRASH_CAN_OUTLINE,
                "stop and delete it, after asking (Delete)", this::removeSelected);
        logs.disableProperty().bind(none);
        inspect.disableProperty().bind(none);
        restart.disableProperty().bind(none);
        remove.disableProperty().bind(none);
        stop.disableProperty().bind(Bindings.createBooleanBinding(() -> selected().map(row -> !row.isRunning())
                .orElse(true), table.getSelectionModel().selectedItemProperty(), table.getItems()));
        remove.getStyleClass().add("remove-action");

        HBox bar = new HBox(8, filter, all, new Separator(Orientation.VERTICAL), logs, inspect,
                new Separator(Orientation.VERTICAL), restart, stop, remove);
        // On a narrow window the actions show their icons only (their tooltips name them), never "Rest…".
        CompactButtons.install(bar, List.of(logs, inspect, restart, stop, remove));
        bar.getStyleClass().add("page-toolbar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private static Button action(String id, String text, Icon icon, String tooltip, Runnable run) {
        Button button = new Button(text, icon.node(16));
        button.setId(id);
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setOnAction(e -> run.run());
        LazyTooltip.install(button, () -> text + ": " + tooltip);
        return button;
    }

    private Node split() {
        SplitPane split = new SplitPane(table, details);
        split.setOrientation(Orientation.VERTICAL);
        fitsShortWindows(split, table, details);
        split.setDividerPositions(0.42);
        split.getStyleClass().add("page-split");
        return split;
    }

    private Node unreachable() {
        EmptyState unreachable = new EmptyState(Icon.DOCKER, "No container engine answers", "");
        unreachable.setId("containers-unreachable");
        Button retry = unreachable.addAction("Retry");
        retry.setId("containers-retry");
        retry.setOnAction(e -> viewModel.retry());
        viewModel.unreachableReasonProperty().addListener(obs -> unreachable.setText(unreachableText()));
        viewModel.unreachableFixProperty().addListener(obs -> unreachable.setText(unreachableText()));
        return unreachable;
    }

    private static Node connecting() {
        EmptyState connecting = new EmptyState(Icon.DOCKER, "Looking for the container engine…",
                "The console asks Docker or Podman for its containers.");
        connecting.setId("containers-connecting");
        return connecting;
    }

    /**
     * A split whose parts may shrink to a few rows: otherwise their minimum heights add up to more than a 640 px
     * window has, and the page pushes the status bar out of the window (or the log out of the split).
     */
    static void fitsShortWindows(SplitPane split, Region... parts) {
        split.setMinSize(0, 0);
        for (Region part : parts) {
            part.setMinHeight(90);
        }
    }

    private String unreachableText() {
        return viewModel.unreachableReasonProperty().get() + "\n\n" + viewModel.unreachableFixProperty().get();
    }

    private void wireTable() {
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> selectionChanged(now));
        // Added after the table's own listener, so it runs after the selection model moved off a row that left.
        table.getItems().addListener((ListChangeListener<ContainerRow>) change -> dropSelectionIfUnlisted());
        table.setContextMenu(contextMenu());
        table.setOnKeyPressed(this::tableKey);
        table.getItems().addListener((ListChangeListener<ContainerRow>) change -> revealIfListed());
        Runnable placeholder = () -> table.setPlaceholderText(placeholderText());
        viewModel.rows().addListener((ListChangeListener<ContainerRow>) change -> placeholder.run());
        viewModel.showAllProperty().addListener(obs -> placeholder.run());
        viewModel.machinesKnownProperty().addListener(obs -> placeholder.run());
        filter.textProperty().addListener(obs -> placeholder.run());
        placeholder.run();
    }

    private String placeholderText() {
        if (!filter.getText().isBlank()) {
            return "No container matches the filter.";
        }
        if (viewModel.showAllProperty().get()) {
            return "The engine has no containers.";
        }
        if (!viewModel.machinesKnownProperty().get()) {
            return "Runner containers are listed once the signed-in endpoint's machines are known (a runner "
                    + "belongs to this endpoint when its machine does): sign in to an endpoint, or tick \"All "
                    + "containers\" to see every container on the engine.";
        }
        if (viewModel.rows().stream().anyMatch(ContainerRow::isRunner)) {
            return "None of this endpoint's machines has a runner container. The engine's other drp-runner "
                    + "containers belong to machines this endpoint does not have: tick \"All containers\" to see "
                    + "them.";
        }
        return "No runner containers yet. DRP starts drp-runner-<machine uuid> as soon as a machine's context is "
                + "a docker-context: create a runner machine in Setup. Tick \"All containers\" to see the "
                + "engine's other containers.";
    }

    private ContextMenu contextMenu() {
        MenuItem logs = menuItem("Follow log", Icon.TEXT_LONG, details::showLogs);
        MenuItem inspect = menuItem("Inspect", Icon.TEXT_BOX_SEARCH_OUTLINE, details::showInspection);
        MenuItem restart = menuItem("Restart", Icon.RESTART, this::restartSelected);
        MenuItem stop = menuItem("Stop", Icon.STOP, this::stopSelected);
        MenuItem remove = menuItem("Remove…", Icon.TRASH_CAN_OUTLINE, this::removeSelected);
        ContextMenu menu = new ContextMenu(logs, inspect, new SeparatorMenuItem(), restart, stop, remove);
        menu.setOnShowing(e -> {
            boolean none = selected().isEmpty();
            menu.getItems().forEach(item -> item.setDisable(none));
            stop.setDisable(selected().map(row -> !row.isRunning()).orElse(true));
        });
        return menu;
    }

    private static MenuItem menuItem(String text, Icon icon, Runnable run) {
        MenuItem item = new MenuItem(text, icon.node(14));
        item.setOnAction(e -> run.run());
        return item;
    }

    private void tableKey(KeyEvent event) {
        boolean shortcut = event.isShortcutDown();
        if (event.getCode() == KeyCode.ENTER && !shortcut) {
            details.showLogs();
        } else if (shortcut && event.getCode() == KeyCode.I) {
            details.showInspection();
        } else if (shortcut && event.getCode() == KeyCode.R) {
            restartSelected();
        } else if (shortcut && event.getCode() == KeyCode.E) {
            stopSelected();
        } else if (event.getCode() == KeyCode.DELETE) {
            removeSelected();
        } else {
            return;
        }
        event.consume();
    }

    /** The user (or reveal) chose a row; a move made by the table because the chosen row left is not a choice. */
    private void selectionChanged(ContainerRow now) {
        if (chosen != null && !table.getItems().contains(chosen)) {
            return; // dropSelectionIfUnlisted clears it: never show another container in its place
        }
        if (now != null && !now.name().equals(pendingReveal)) {
            pendingReveal = null; // the user chose another container meanwhile
        }
        chosen = now;
        details.show(now);
    }

    /**
     * The chosen container left the list: the selection is cleared (JavaFX would move it to a neighbour, with
     * Stop and Remove enabled on a container the user never chose) and the details say it is gone.
     */
    private void dropSelectionIfUnlisted() {
        if (chosen == null || table.getItems().contains(chosen)) {
            return;
        }
        ContainerRow lost = chosen;
        rows.clearSelection();
        chosen = null;
        String why = viewModel.whyUnlisted(lost);
        if (why.isEmpty()) {
            details.show(null); // only filtered out
        } else {
            details.showGone(lost, why);
        }
    }

    private Optional<ContainerRow> selected() {
        return Optional.ofNullable(table.getSelectionModel().getSelectedItem());
    }

    private void restartSelected() {
        selected().ifPresent(viewModel::restart);
    }

    private void stopSelected() {
        selected().filter(ContainerRow::isRunning).ifPresent(viewModel::stop);
    }

    private void removeSelected() {
        selected().ifPresent(row -> {
            if (confirmRemove(row)) {
                viewModel.remove(row);
            }
        });
    }

    private boolean confirmRemove(ContainerRow row) {
        ButtonType removeButton = new ButtonType("Remove", ButtonBar.ButtonData.OK_DONE);
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, "", removeButton, ButtonType.CANCEL);
        confirm.initOwner(root.getScene().getWindow());
        confirm.setTitle("Remove container");
        confirm.setHeaderText("Remove " + row.name() + "?");
        String whose = row.isRunner() && !row.isOurs()
                ? "It is the runner of a machine this endpoint does not have: another DRP endpoint may use it. " : "";
        confirm.setContentText(whose + (row.isRunning() ? "It is stopped first. " : "") + (row.isOurs()
                ? "DRP starts a new runner for the machine when its context is set again." : "This cannot be undone."));
        confirm.getDialogPane().lookupButton(removeButton).setId("containers-confirm-remove");
        confirm.getDialogPane().getStylesheets().addAll(root.getScene().getStylesheets());
        return confirm.showAndWait().filter(removeButton::equals).isPresent();
    }

    private void revealIfListed() {
        if (pendingReveal == null) {
            return;
        }
        for (ContainerRow row : table.getItems()) {
            if (row.name().equals(pendingReveal)) {
                pendingReveal = null;
                table.getSelectionModel().select(row);
                table.scrollTo(row);
                details.showLogs();
                return;
            }
        }
        String wanted = pendingReveal;
        if (viewModel.rows().stream().anyMatch(row -> row.name().equals(wanted))) {
            viewModel.showAllProperty().set(true); // e.g. the runner of a machine deleted since: listed under All
        } else if (!missingSaid && viewModel.stateProperty().get() == PageState.READY
                && viewModel.machinesKnownProperty().get()) {
            // Not there: say so, rather than leave another container selected as if it were the one asked for.
            // It stays wanted: should it start after all, it is selected then.
            missingSaid = true;
            rows.clearSelection();
            details.showMissing(wanted);
        }
    }
}
