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
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;

/**
 * The Contexts section: a live table of DRP contexts with a details pane, and create, edit and delete.
 *
 * <p>Ids: {@code #contexts-table}, {@code #contexts-new}, {@code #contexts-edit}, {@code #contexts-delete},
 * {@code #contexts-refresh}, {@code #contexts-filter}, {@code #page-problem}, {@code #context-details}, the empty
 * states {@code #contexts-not-connected} (button {@code #contexts-open-setup}) and {@code #contexts-empty} (button
 * {@code #contexts-empty-new}); the form's ids are on {@link ContextFormView}, the delete question's on
 * {@link ContextDeletion}. Keys: Ctrl+F filter, Enter edit, Delete delete, Escape in the filter clears it.
 */
public final class ContextsPage implements SectionPage {
    private final ViewServices services;
    private final ContextsViewModel model;
    private final ContextsTable table = new ContextsTable();
    private final LivePageLayout layout;
    private final FilteredTable<ContextRow> rows;
    private String pendingReveal;

    public ContextsPage(ViewServices services) {
        this.services = services;
        this.model = new ContextsViewModel(services);
        Toolbar toolbar = new Toolbar();
        Button create = toolbar.action("contexts-new", "New context", Icon.PLUS);
        create.getStyleClass().add("accent");
        create.setOnAction(e -> openNew());
        create.disableProperty().bind(model.stateProperty().isEqualTo(PageState.NOT_CONNECTED));
        Button edit = toolbar.action("contexts-edit", "Edit", Icon.PENCIL_OUTLINE);
        edit.setOnAction(e -> editSelected());
        edit.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        Button delete = toolbar.action("contexts-delete", "Delete", Icon.DELETE_OUTLINE);
        delete.setOnAction(e -> deleteSelected());
        delete.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        TextField filter = toolbar.filter("contexts-filter", "Filter contexts (Ctrl+F)");
        Button refresh = toolbar.action("contexts-refresh", "", Icon.REFRESH);
        refresh.setOnAction(e -> model.refresh());
        refresh.disableProperty().bind(model.stateProperty().isEqualTo(PageState.NOT_CONNECTED));
        LazyTooltip.install(refresh, () -> "List again and check every image again (the table updates live "
                + "without it)");
        rows = new FilteredTable<>(table, model.rows(), filter, ContextRow::name);
        PageProblemBanner problem = new PageProblemBanner(model.problemProperty(), model::dismissProblem);
        layout = new LivePageLayout(toolbar, problem, content(),
                notConnected(), empty(), "Loading contexts…", model.stateProperty());
        FilteredTable.focusOnFind(layout, filter);
        wireKeys();
        model.rows().addListener((ListChangeListener<ContextRow>) change -> revealPending());
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
        pendingReveal = name;
        revealPending();
    }

    private void revealPending() {
        if (pendingReveal != null && rows.select(pendingReveal)) {
            pendingReveal = null;
            table.requestFocus();
        }
    }

    private Node content() {
        SplitPane split = new SplitPane(table, new ContextDetails(table.getSelectionModel().selectedItemProperty()));
        split.setDividerPositions(0.72);
        SplitPane.setResizableWithParent(split.getItems().get(1), false);
        return split;
    }

    private EmptyState notConnected() {
        EmptyState state = new EmptyState(Icon.LAN_DISCONNECT, "Not connected to a DRP endpoint",
                "Contexts live on a DRP endpoint. Open Setup to start the local sandbox or to connect to your "
                        + "endpoint; this list fills in as soon as you are signed in.");
        state.setId("contexts-not-connected");
        Button setup = state.addAction("Open Setup");
        setup.setId("contexts-open-setup");
        setup.setOnAction(e -> services.navigator().show(LivePageLayout.SETUP_SECTION, ""));
        return state;
    }

    private EmptyState empty() {
        EmptyState state = new EmptyState(Icon.LAYERS_OUTLINE, "No contexts yet",
                "A context names an engine and an image: DRP runs the tasks of machines in that context inside "
                        + "containers of that image. Create one, then add a runner machine that uses it.");
        state.setId("contexts-empty");
        Button create = state.addAction("New context");
        create.setId("contexts-empty-new");
        create.setOnAction(e -> openNew());
        return state;
    }

    private void wireKeys() {
        table.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                editSelected();
                event.consume();
            } else if (event.getCode() == KeyCode.DELETE) {
                deleteSelected();
                event.consume();
            }
        });
        table.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2) {
                editSelected();
            }
        });
    }

    private void openNew() {
        ContextFormViewModel form = model.newContextForm();
        if (form != null) {
            ContextFormView.open(layout.getScene().getWindow(), form, saved -> reveal(saved.name()));
        }
    }

    private void editSelected() {
        ContextRow row = table.getSelectionModel().getSelectedItem();
        ContextFormViewModel form = row == null ? null : model.editForm(row);
        if (form != null) {
            ContextFormView.open(layout.getScene().getWindow(), form, saved -> reveal(saved.name()));
        }
    }

    private void deleteSelected() {
        ContextRow row = table.getSelectionModel().getSelectedItem();
        if (row != null) {
            ContextDeletion.confirm(layout.getScene().getWindow(), row, () -> model.delete(row));
        }
    }
}
