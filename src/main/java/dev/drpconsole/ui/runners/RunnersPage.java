package dev.drpconsole.ui.runners;

import dev.drpconsole.ui.common.EmptyState;
import dev.drpconsole.ui.common.FilteredTable;
import dev.drpconsole.ui.common.Icon;
import dev.drpconsole.ui.common.LazyTooltip;
import dev.drpconsole.ui.common.LivePageLayout;
import dev.drpconsole.ui.common.Navigator;
import dev.drpconsole.ui.common.PageProblemBanner;
import dev.drpconsole.ui.common.PageState;
import dev.drpconsole.ui.common.SectionPage;
import dev.drpconsole.ui.common.Toolbar;
import dev.drpconsole.ui.common.ViewServices;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;

/**
 * The Runner machines section: a live table of machines whose tasks run in a context, with their job and their
 * runner container, a details pane below, and the commands on them.
 *
 * <p>Ids: {@code #runners-table}, {@code #runners-new}, {@code #runners-change-context}, {@code #runners-runnable},
 * {@code #runners-delete}, {@code #runners-refresh}, {@code #runners-filter}, {@code #page-problem},
 * {@code #runner-details} (with {@code #runner-logs}, {@code #runner-job}), the empty states
 * {@code #runners-not-connected} (button {@code #runners-open-setup}) and {@code #runners-empty} (button
 * {@code #runners-empty-new}); the form's ids are on {@link RunnerFormView}, the questions' on
 * {@link RunnerDialogs}. Keys: Ctrl+F filter, Enter change context, Delete delete.
 */
public final class RunnersPage implements SectionPage {
    private final ViewServices services;
    private final RunnersViewModel model;
    private final RunnersTable table = new RunnersTable();
    private final LivePageLayout layout;
    private final FilteredTable<RunnerRow> rows;

    public RunnersPage(ViewServices services) {
        this.services = services;
        this.model = new RunnersViewModel(services);
        BooleanBinding noSelection = table.getSelectionModel().selectedItemProperty().isNull();
        ReadOnlyObjectProperty<RunnerRow> selected = table.getSelectionModel().selectedItemProperty();
        // A locked machine refuses every change but unlocking: its commands are off, the details say why.
        BooleanBinding noChange = Bindings.createBooleanBinding(() -> selected.get() == null
                || !model.refusal(selected.get()).isEmpty(), selected);
        Toolbar toolbar = new Toolbar();
        Button create = toolbar.action("runners-new", "New runner machine", Icon.PLUS);
        create.getStyleClass().add("accent");
        create.setOnAction(e -> openNew());
        create.disableProperty().bind(model.stateProperty().isEqualTo(PageState.NOT_CONNECTED));
        onSelected(toolbar.action("runners-change-context", "Change context", Icon.SWAP_HORIZONTAL), noChange,
                this::changeContext);
        onSelected(toolbar.action("runners-runnable", "Make runnable", Icon.PLAY_CIRCLE_OUTLINE), noChange,
                model::makeRunnable);
        onSelected(toolbar.action("runners-delete", "Delete", Icon.DELETE_OUTLINE), noChange, this::delete);
        Button unlock = toolbar.action("runners-unlock", "Unlock", Icon.LOCK_OPEN_OUTLINE);
        onSelected(unlock, noChange.not().or(noSelection), model::unlock);
        unlock.visibleProperty().bind(unlock.disableProperty().not());
        unlock.managedProperty().bind(unlock.visibleProperty());
        TextField filter = toolbar.filter("runners-filter", "Filter machines (Ctrl+F)");
        Button refresh = toolbar.iconAction("runners-refresh", Icon.REFRESH, "Refresh: list again now");
        refresh.setOnAction(e -> model.refresh());
        refresh.disableProperty().bind(model.stateProperty().isEqualTo(PageState.NOT_CONNECTED));
        LazyTooltip.install(refresh, () -> "List again (the table updates live without it)");
        rows = new FilteredTable<>(table, model.rows(), filter, RunnerRow::uuid);
        PageProblemBanner problem = new PageProblemBanner(model.problemProperty(), model::dismissProblem);
        layout = new LivePageLayout(toolbar, problem, content(), notConnected(),
                empty(), "Loading runner machines…", model.stateProperty());
        layout.setId("runners-page");
        FilteredTable.focusOnFind(layout, filter);
        rows.onRowActions(() -> withSelected(this::changeContext), () -> withSelected(this::delete));
    }

    @Override
    public Node node() {
        return layout;
    }

    @Override
    public void shown() {
        model.shown();
    }

    @Override
    public void hidden() {
        model.hidden();
    }

    /** Selects the machine with this UUID, now or as soon as it is listed. */
    @Override
    public void reveal(String uuid) {
        rows.reveal(uuid);
    }

    private void onSelected(Button button, BooleanBinding noSelection, Consumer<RunnerRow> action) {
        button.disableProperty().bind(noSelection);
        button.setOnAction(e -> withSelected(action));
    }

    private void withSelected(Consumer<RunnerRow> action) {
        RunnerRow row = table.getSelectionModel().getSelectedItem();
        if (row != null) {
            action.accept(row);
        }
    }

    private Node content() {
        RunnerDetails details = new RunnerDetails(table.getSelectionModel().selectedItemProperty(), model);
        SplitPane split = new SplitPane(table, details);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.66);
        SplitPane.setResizableWithParent(details, false);
        return split;
    }

    private EmptyState notConnected() {
        return EmptyState.notConnected("runners", "Runner machines live on a DRP endpoint.", services.navigator());
    }

    private EmptyState empty() {
        EmptyState state = new EmptyState(Icon.SERVER, "No runner machines yet",
                "A runner machine belongs to a context: the engine plugin runs a drp-runner container for it, and "
                        + "that container's agent runs the tasks DRP hands the machine. Create one for a context.");
        state.setId("runners-empty");
        Button create = state.addAction("New runner machine");
        create.setId("runners-empty-new");
        create.setOnAction(e -> openNew());
        Button contexts = new Button("Contexts");
        contexts.setId("runners-empty-contexts");
        contexts.setOnAction(e -> services.navigator().show(Navigator.CONTEXTS, ""));
        state.getChildren().add(contexts);
        return state;
    }

    private void openNew() {
        RunnerFormViewModel form = model.newRunnerForm();
        if (form != null) {
            RunnerFormView.open(layout.getScene().getWindow(), form, saved -> reveal(saved.uuid()));
        }
    }

    private void changeContext(RunnerRow row) {
        RunnerDialogs.chooseContext(layout.getScene().getWindow(), row, model.contextNames(),
                context -> model.changeContext(row, context));
    }

    private void delete(RunnerRow row) {
        RunnerDialogs.confirmDelete(layout.getScene().getWindow(), row, () -> model.delete(row));
    }
}
