package dev.drpconsole.ui.common;

import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.drp.DrpType;
import dev.drpconsole.core.drp.Filter;
import dev.drpconsole.core.drp.LiveObjects;
import dev.drpconsole.core.drp.Machine;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableMap;
import javafx.collections.ObservableSet;

/**
 * Machine names by UUID, kept live from the signed-in endpoint while started, so views that only know a machine's
 * UUID (a runner container's name, a job's Machine field) can show its name. Empty while no endpoint is signed in;
 * follows the user switching endpoints. Touch it on the FX thread only.
 */
public final class MachineNames {
    private final ViewServices services;
    private final ObservableMap<String, String> names = FXCollections.observableHashMap();
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    private final ObservableSet<String> runners = FXCollections.observableSet();
    private final ObservableSet<String> notRunnable = FXCollections.observableSet();
    private final ObservableMap<String, String> contextsForNow = FXCollections.observableHashMap();
    private final ChangeListener<DrpClient> clientChanged = (obs, old, now) -> follow(now);
    private LiveObjects<Machine> live;
    private CompletableFuture<Void> liveStarted;
    private LiveList<Machine> machines;

    public MachineNames(ViewServices services) {
        this.services = services;
    }

    /** UUID → name; changes as machines are created, renamed and deleted. */
    public ObservableMap<String, String> names() {
        return names;
    }

    /**
     * True once the signed-in endpoint's machines are listed: from then on a UUID missing from {@link #names()} is a
     * machine this endpoint does not have. False while none is signed in.
     */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /**
     * The UUIDs of the runner machines ({@link Machine#isRunner()}: what the Runner machines section lists); changes
     * as machines switch contexts, e.g. a workflow's machine while it runs in a runner context.
     */
    public ObservableSet<String> runners() {
        return runners;
    }

    /** The UUIDs of the machines DRP hands no jobs to until they are made runnable again; live. */
    public ObservableSet<String> notRunnable() {
        return notRunnable;
    }

    /**
     * The context each ordinary machine is in for now (a {@code context:} task put it there; it has no
     * BaseContext), by UUID: such a machine is no runner, and Runner machines does not list it.
     */
    public ObservableMap<String, String> contextsForNow() {
        return contextsForNow;
    }

    /** Whether the signed-in endpoint has this machine (as far as listed yet). */
    public boolean has(String uuid) {
        return names.containsKey(uuid);
    }

    /** The machine's name, or its UUID while the name is unknown. */
    public String label(String uuid) {
        return names.getOrDefault(uuid, uuid);
    }

    public void start() {
        services.client().addListener(clientChanged);
        follow(services.client().get());
    }

    public void stop() {
        services.client().removeListener(clientChanged);
        follow(null);
    }

    private void follow(DrpClient client) {
        if (live != null) {
            // After its start (done or failed), so a start still on its way cannot subscribe after the close.
            LiveObjects<Machine> closing = live;
            liveStarted.whenCompleteAsync((done, failed) -> closing.close(), services.io());
            live = null;
            machines = null;
        }
        loaded.set(false);
        if (client == null) {
            names.clear();
            runners.clear();
            notRunnable.clear();
            contextsForNow.clear();
            return;
        }
        LiveList<Machine> list = new LiveList<>(services.fxThread());
        list.items().addListener((ListChangeListener<Machine>) change -> {
            if (list == machines) {
                update(list);
            }
        });
        // Names and runner-ness only: not the machines' inventories (their Params).
        LiveObjects<Machine> objects = new LiveObjects<>(client, DrpType.MACHINES, Filter.ALL.withoutParams(),
                m -> true, services.io());
        list.loadedProperty().addListener((obs, old, now) -> {
            if (list == machines && now) {
                update(list);
                loaded.set(true);
            }
        });
        machines = list;
        live = objects;
        // Opening the event socket may wait on the network: never on the FX thread.
        liveStarted = CompletableFuture.runAsync(() -> objects.start(list), services.io());
    }

    /** Puts only what changed, so listeners hear one change per renamed machine rather than a reload. */
    private void update(LiveList<Machine> list) {
        Map<String, String> now = new HashMap<>();
        Set<String> runnersNow = new HashSet<>();
        Set<String> notRunnableNow = new HashSet<>();
        Map<String, String> visiting = new HashMap<>();
        list.items().forEach(machine -> {
            now.put(machine.uuid(), machine.name());
            if (machine.isRunner()) {
                runnersNow.add(machine.uuid());
            } else if (!machine.contextForNow().isEmpty()) {
                visiting.put(machine.uuid(), machine.contextForNow());
            }
            if (!machine.runnable()) {
                notRunnableNow.add(machine.uuid());
            }
        });
        runners.retainAll(runnersNow);
        runners.addAll(runnersNow);
        notRunnable.retainAll(notRunnableNow);
        notRunnable.addAll(notRunnableNow);
        contextsForNow.keySet().retainAll(visiting.keySet());
        visiting.forEach((uuid, context) -> {
            if (!context.equals(contextsForNow.get(uuid))) {
                contextsForNow.put(uuid, context);
            }
        });
        names.keySet().retainAll(now.keySet());
        now.forEach((uuid, name) -> {
            if (!name.equals(names.get(uuid))) {
                names.put(uuid, name);
            }
        });
    }
}
