package dev.drpconsole.ui.contexts;

import dev.drpconsole.ui.common.EmptyState;
import dev.drpconsole.ui.common.FilteredTable;
import dev.drpconsole.ui.common.Icon;
import dev.drpconsole.ui.common.LazyTooltip;
import dev.drpconsole.ui.common.LivePageLayout;
import dev.drpconsole.ui.common.PageProblemBanner;
import dev.drpconsole.ui.common.PageState;
import dev.drpconsole.ui.common.SectionPage;
import dev.drpconsole.ui.common.Toolbar;
import dev.drpconsole.ui.common.ViewServices;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;

/**
 * The Contexts section: a live table of DRP contexts with a details pane, and create, edit and delete.
 *
 * <p>Ids: {@code #contexts-table}, {@code #contexts-new}, {@code #contexts-edit}, {@code #contexts-delete},
 * {@code #contexts-refresh}, {@code #contexts-filter}, {@code #page-problem}, {@code #context-details}, the empty
 * states {@code #contexts-not-connected} (button {@code #contexts-open-setup}), {@code #contexts-empty} (button
 * {@code #contexts-empty-new}) and {@code #contexts-unsupported} (an endpoint older than 4.2); the form's ids are
 * on {@link ContextFormView}, the delete question's on
 * {@link ContextDeletion}. Keys: Ctrl+F filter, Enter edit, Delete delete, Escape in the filter clears it.
 */
public final class ContextsPage implements SectionPage {
    private final ViewServices services;
    private final ContextsViewModel model;
    private final ContextsTable table = new ContextsTable();
    private final LivePageLayout layout;
    private final FilteredTable<ContextRow> rows;

    public ContextsPage(ViewServices services) {
        this.services = services;
        this.model = new ContextsViewModel(services);
        Toolbar toolbar = new Toolbar();
        Button create = toolbar.action("contexts-new", "New context", Icon.PLUS);
        create.getStyleClass().add("accent");
        create.setOnAction(e -> openNew());
        create.disableProperty().bind(model.stateProperty().isEqualTo(PageState.NOT_CONNECTED)
                .or(model.withoutContextsProperty().isNotEmpty()));
        Button edit = toolbar.action("contexts-edit", "Edit", Icon.PENCIL_OUTLINE);
        edit.setOnAction(e -> editSelected());
        BooleanBinding unchangeable = Bindings.createBooleanBinding(() -> !changeable(selected()),
                table.getSelectionModel().selectedItemProperty());
        edit.disableProperty().bind(unchangeable);
        LazyTooltip.install(edit, () -> whyNot("Edit"));
        Button delete = toolbar.action("contexts-delete", "Delete", Icon.DELETE_OUTLINE);
        delete.setOnAction(e -> deleteSelected());
        delete.disableProperty().bind(unchangeable);
        LazyTooltip.install(delete, () -> whyNot("Delete"));
        TextField filter = toolbar.filter("contexts-filter", "Filter contexts (Ctrl+F)");
        Button refresh = toolbar.iconAction("contexts-refresh", Icon.REFRESH, "Refresh: list again now");
        refresh.setOnAction(e -> model.refresh());
        refresh.disableProperty().bind(model.stateProperty().isEqualTo(PageState.NOT_CONNECTED));
        LazyTooltip.install(refresh, () -> "List again and check every image again (the table updates live "
                + "without it)");
        rows = new FilteredTable<>(table, model.rows(), filter, ContextRow::name);
        PageProblemBanner problem = new PageProblemBanner(model.problemProperty(), model::dismissProblem);
        layout = new LivePageLayout(toolbar, problem, content(),
                notConnected(), empty(), "Loading contexts…", model.stateProperty());
        layout.setId("contexts-page");
        FilteredTable.focusOnFind(layout, filter);
        rows.onRowActions(this::editSelected, this::deleteSelected);
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

    /** Selects the context named {@code name}, now or as soon as it is listed. */
    @Override
    public void reveal(String name) {
        rows.reveal(name);
    }

    private Node content() {
        SplitPane split = new SplitPane(table, new ContextDetails(table.getSelectionModel().selectedItemProperty()));
        split.setDividerPositions(0.72);
        SplitPane.setResizableWithParent(split.getItems().get(1), false);
        return split;
    }

    private EmptyState notConnected() {
        return EmptyState.notConnected("contexts", "Contexts live on a DRP endpoint.", services.navigator());
    }

    /** "No contexts yet", or on an endpoint without contexts what it lacks and what to do. */
    private Node empty() {
        EmptyState without = new EmptyState(Icon.LAYERS_OUTLINE, "This endpoint has no contexts", "");
        without.setId("contexts-unsupported");
        without.visibleProperty().bind(model.withoutContextsProperty().isNotEmpty());
        model.withoutContextsProperty().addListener((obs, old, now) -> without.setText(now));
        EmptyState none = noneYet();
        none.visibleProperty().bind(without.visibleProperty().not());
        return new StackPane(none, without);
    }

    private EmptyState noneYet() {
        EmptyState state = new EmptyState(Icon.LAYERS_OUTLINE, "No contexts yet",
                "A context names an engine and an image: DRP runs the tasks of machines in that context inside "
                        + "containers of that image. Create one, then add a runner machine that uses it.");
        state.setId("contexts-empty");
        Button create = state.addAction("New context");
        create.setId("contexts-empty-new");
        create.setOnAction(e -> openNew());
        return state;
    }

    private void openNew() {
        ContextFormViewModel form = model.newContextForm();
        if (form != null) {
            ContextFormView.open(layout.getScene().getWindow(), form, saved -> reveal(saved.name()));
        }
    }

    private ContextRow selected() {
        return table.getSelectionModel().getSelectedItem();
    }

    /** A selected context the endpoint lets users change (not one from a content pack). */
    private static boolean changeable(ContextRow row) {
        return row != null && row.readOnlyReason().isEmpty();
    }

    private String whyNot(String action) {
        ContextRow row = selected();
        if (row == null) {
            return action + ": select a context first";
        }
        return row.readOnlyReason().isEmpty() ? action + " " + row.name()
                : "Read-only: " + row.name() + " is " + row.readOnlyReason();
    }

    private void editSelected() {
        ContextRow row = selected();
        ContextFormViewModel form = changeable(row) ? model.editForm(row) : null;
        if (form != null) {
            ContextFormView.open(layout.getScene().getWindow(), form, saved -> reveal(saved.name()));
        }
    }

    private void deleteSelected() {
        ContextRow row = selected();
        if (changeable(row)) {
            ContextDeletion.confirm(layout.getScene().getWindow(), row, () -> model.delete(row));
        }
    }
}
