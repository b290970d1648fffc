package dev.drpconsole.ui.contexts;

import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.drp.DrpContext;
import dev.drpconsole.core.drp.DrpType;
import dev.drpconsole.core.drp.Filter;
import dev.drpconsole.core.drp.Machine;
import dev.drpconsole.ui.common.KeyedRows;
import dev.drpconsole.ui.common.LiveList;
import dev.drpconsole.ui.common.LiveSection;
import dev.drpconsole.ui.common.ViewServices;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The Contexts section: every context with the runner machines that use it and where its image is, kept live
 * from DRP events while the page is shown, plus the commands on them. FX thread only.
 */
public final class ContextsViewModel extends LiveSection {
    private final LiveList<DrpContext> contexts;
    private final LiveList<Machine> runners;
    private final ObservableList<ContextRow> rows = FXCollections.observableArrayList();
    /** Image status by image reference; an image is checked once per showing, and again on Refresh. */
    private final Map<String, ImageStatus> images = new HashMap<>();
    private final Set<String> checking = new HashSet<>();
    /** What to tell the user when the endpoint has no contexts at all (older than 4.2); "" when it has them. */
    private final StringProperty withoutContexts = new SimpleStringProperty("");

    public ContextsViewModel(ViewServices services) {
        super(services);
        contexts = new LiveList<>(services.tasks().ui());
        runners = new LiveList<>(services.tasks().ui());
        contexts.items().addListener((ListChangeListener<DrpContext>) change -> {
            rebuild();
            checkNewImages();
        });
        runners.items().addListener((ListChangeListener<Machine>) change -> rebuild());
        contexts.loadedProperty().addListener((obs, old, now) -> updateState());
        reportContextProblems(contexts, explanation -> {
            withoutContexts.set(explanation);
            updateState();
        });
        reportProblems(runners, "Could not list machines");
    }

    /** The table's rows, one per context. */
    public ObservableList<ContextRow> rows() {
        return rows;
    }

    /** Lists everything again and checks every image again (the rows stay live without it). */
    public void refresh() {
        images.clear();
        shown();
    }

    /**
     * Why the endpoint has no contexts and what to do (e.g. "DRP v3.13.6 has no contexts: they came in DRP 4.2…"),
     * or "" when it has them. While set, the page is listed and empty: never "Loading contexts…" for ever.
     */
    public ReadOnlyStringProperty withoutContextsProperty() {
        return withoutContexts;
    }

    /** A form for a new context, or null while not connected. */
    public ContextFormViewModel newContextForm() {
        return client() == null ? null : new ContextFormViewModel(client(), services.tasks(), null);
    }

    /** A form editing {@code row}'s context as it was when the user opened it, or null while not connected. */
    public ContextFormViewModel editForm(ContextRow row) {
        return client() == null ? null
                : new ContextFormViewModel(client(), services.tasks(), row.context());
    }

    /**
     * Deletes the context. The page asks first, and asks explicitly when {@link ContextRow#usedBy()} is not empty:
     * those machines' runners stop working without it. The row goes when DRP's delete event arrives.
     */
    public void delete(ContextRow row) {
        DrpClient client = client();
        if (client != null) {
            call("Could not delete context " + row.name(), () -> client.delete(DrpType.CONTEXTS, row.name()),
                    deleted -> problemProperty().set(""));
        }
    }

    @Override
    protected void startFollowing(DrpClient client) {
        follow(contexts, DrpType.CONTEXTS, Filter.ALL, context -> true);
        follow(runners, DrpType.MACHINES, Filter.ALL.withoutParams(), Machine::usesAContext);
    }

    @Override
    protected void clear() {
        contexts.clear();
        runners.clear();
        images.clear();
        checking.clear();
        rows.clear();
        withoutContexts.set("");
    }

    @Override
    protected boolean loaded() {
        return contexts.loadedProperty().get() || !withoutContexts.get().isEmpty();
    }

    @Override
    protected boolean empty() {
        return rows.isEmpty();
    }

    private void rebuild() {
        Map<String, List<String>> users = usersByContext();
        List<ContextRow> wanted = new ArrayList<>();
        for (DrpContext context : contexts.items()) {
            wanted.add(new ContextRow(context, users.getOrDefault(context.name(), List.of()),
                    images.get(context.image())));
        }
        KeyedRows.sync(rows, wanted, ContextRow::name);
        updateState();
    }

    /** Machine names by the contexts they use as Context or BaseContext (each machine once per context). */
    private Map<String, List<String>> usersByContext() {
        Map<String, Set<String>> users = new HashMap<>();
        for (Machine machine : runners.items()) {
            // Usually the same context twice (Context starts as BaseContext); counted once.
            for (String used : new HashSet<>(List.of(machine.context(), machine.baseContext()))) {
                if (!used.isEmpty()) {
                    users.computeIfAbsent(used, name -> new HashSet<>()).add(machine.name());
                }
            }
        }
        Map<String, List<String>> sorted = new HashMap<>();
        users.forEach((context, names) -> sorted.put(context, names.stream().sorted().toList()));
        return sorted;
    }

    private void checkNewImages() {
        DrpClient client = client();
        List<DrpContext> fresh = contexts.items().stream()
                .filter(DrpContext::runsOnDockerContext)
                .filter(context -> !context.image().isBlank() && !images.containsKey(context.image())
                        && !checking.contains(context.image()))
                .toList();
        if (client == null || fresh.isEmpty()) {
            return;
        }
        fresh.forEach(context -> checking.add(context.image()));
        call("Could not check the context images", () -> ImageCheck.check(services.runnerEngine(), client, fresh),
                found -> {
                    checking.removeAll(found.keySet());
                    images.putAll(found);
                    rebuild();
                });
    }
}
