package dev.drpconsole.ui.common;

import dev.drpconsole.core.drp.DrpException;
import dev.drpconsole.core.drp.DrpObject;
import dev.drpconsole.core.drp.LiveObjects;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The FX side of a {@link LiveObjects}: an observable list of objects, one per key, kept current. Changes arrive on
 * background threads at any rate; they are queued and applied in one batch per FX-thread turn (one hand-over
 * however many changes came), the last change of a key winning, merged by {@link KeyedRows}.
 */
public final class LiveList<T extends DrpObject> implements LiveObjects.Listener<T> {
    private final ObservableList<T> items = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<DrpException> failure = new ReadOnlyObjectWrapper<>();
    private final Executor fxThread;
    private final Object lock = new Object();
    private List<T> pendingReset;
    private Map<String, T> pendingChanges = new LinkedHashMap<>(); // a null value means removed
    private String pendingProblem;
    private DrpException pendingFailure;
    private boolean drainScheduled;

    /** @param fxThread {@code Platform::runLater} in the app, a direct executor in view-model tests */
    public LiveList(Executor fxThread) {
        this.fxThread = fxThread;
    }

    public ObservableList<T> items() {
        return items;
    }

    /** True once the first list arrived. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** Why the list could not be loaded, in plain words; "" when fine. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Why the last list failed, for a view model that tells one failure from another; null after a good list. */
    public ReadOnlyObjectProperty<DrpException> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    @Override
    public void reset(List<T> all) {
        synchronized (lock) {
            pendingReset = all;
            pendingChanges.clear();
            pendingProblem = "";
            pendingFailure = null;
            scheduleDrain();
        }
    }

    @Override
    public void changed(T object) {
        queue(object.key(), object);
    }

    @Override
    public void removed(String key) {
        queue(key, null);
    }

    @Override
    public void failed(DrpException error) {
        synchronized (lock) {
            pendingProblem = error.getMessage();
            pendingFailure = error;
            scheduleDrain();
        }
    }

    /** Empties the list (no endpoint any more). Call on the FX thread. */
    public void clear() {
        synchronized (lock) {
            pendingReset = null;
            pendingChanges.clear();
            pendingProblem = null;
            pendingFailure = null;
        }
        items.clear();
        loaded.set(false);
        problem.set("");
        failure.set(null);
    }

    private void queue(String key, T object) {
        synchronized (lock) {
            pendingChanges.remove(key); // keeps the order of the latest change
            pendingChanges.put(key, object);
            scheduleDrain();
        }
    }

    private void scheduleDrain() {
        if (!drainScheduled) {
            drainScheduled = true;
            fxThread.execute(this::drain);
        }
    }

    private void drain() {
        List<T> reset;
        Map<String, T> changes;
        String newProblem;
        DrpException newFailure;
        synchronized (lock) {
            reset = pendingReset;
            changes = pendingChanges;
            newProblem = pendingProblem;
            newFailure = pendingFailure;
            pendingReset = null;
            pendingChanges = new LinkedHashMap<>();
            pendingProblem = null;
            pendingFailure = null;
            drainScheduled = false;
        }
        if (reset != null) {
            items.setAll(reset);
            loaded.set(true);
        }
        if (!changes.isEmpty()) {
            apply(changes);
        }
        if (newProblem != null) {
            failure.set(newFailure); // before the problem: a listener of the problem can ask what failed
            problem.set(newProblem);
        }
    }

    /** The list with the changes made: changed objects where they were, gone ones out, new ones at the end. */
    private void apply(Map<String, T> changes) {
        List<T> wanted = new ArrayList<>(items.size() + changes.size());
        for (T item : items) {
            T changed = changes.getOrDefault(item.key(), item);
            if (changed != null) {
                wanted.add(changed);
            }
        }
        changes.values().stream().filter(Objects::nonNull).forEach(wanted::add); // known keys are merged in place
        KeyedRows.sync(items, wanted, DrpObject::key);
    }
}
