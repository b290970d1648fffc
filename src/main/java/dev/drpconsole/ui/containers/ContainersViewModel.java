package dev.drpconsole.ui.containers;

import dev.drpconsole.core.concurrent.CoalescingTask;
import dev.drpconsole.core.engine.ContainerEngine;
import dev.drpconsole.core.engine.ContainerInspection;
import dev.drpconsole.core.engine.ContainerQuery;
import dev.drpconsole.core.engine.ContainerSummary;
import dev.drpconsole.core.engine.EngineConnectionListener;
import dev.drpconsole.core.engine.EngineContainers;
import dev.drpconsole.core.engine.EngineException;
import dev.drpconsole.core.engine.EngineInfo;
import dev.drpconsole.core.engine.EngineUnavailableException;
import dev.drpconsole.core.engine.EventQuery;
import dev.drpconsole.core.engine.LogListener;
import dev.drpconsole.core.engine.LogOptions;
import dev.drpconsole.ui.common.MachineNames;
import dev.drpconsole.ui.common.ViewServices;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Containers view's state and commands: the engine's containers (runners only unless {@link #showAllProperty()}),
 * kept current from engine events while {@link #start() started}, plus restart, stop, remove, inspect and log
 * following. Engine calls run on {@link ViewServices#io()}; state changes on {@link ViewServices#fxThread()}.
 *
 * <p>Engine events are not applied one by one: any container event asks for a re-list, and re-lists are coalesced
 * to at most one per {@value #RELIST_GAP_MS} ms. A list is the engine's own truth (states, statuses, names), and
 * a container start is a burst of half a dozen events.
 */
public final class ContainersViewModel {
    static final long RELIST_GAP_MS = 250;
    /** The machine column of a runner whose machine the signed-in endpoint does not have. */
    public static final String NOT_THIS_ENDPOINTS = "not this endpoint's machine";
    private static final Logger LOG = LoggerFactory.getLogger(ContainersViewModel.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    /** A followed log starts with at most this many existing lines: enough context, bounded memory. */
    private static final int LOG_TAIL = 2000;

    private final ViewServices services;
    private final ObservableList<ContainerRow> rows = FXCollections.observableArrayList(ContainerRow::observables);
    private final FilteredList<ContainerRow> visible = new FilteredList<>(rows);
    private final BooleanProperty showAll = new SimpleBooleanProperty(false);
    private final StringProperty filterText = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<EngineStatus> status = new ReadOnlyObjectWrapper<>(EngineStatus.CONNECTING);
    private final ReadOnlyStringWrapper engineLabel = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper unreachableReason = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper unreachableFix = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper activity = new ReadOnlyStringWrapper("");
    private final MachineNames machineNames;
    private final CoalescingTask relist;
    private volatile int generation; // bumped on the FX thread by start/stop; stale results are dropped
    private Closeable watch; // FX thread
    private boolean started; // FX thread

    public ContainersViewModel(ViewServices services) {
        this.services = services;
        this.machineNames = new MachineNames(services);
        this.relist = new CoalescingTask(this::relistNow, Duration.ofMillis(RELIST_GAP_MS), services.io());
        showAll.addListener(obs -> refilter());
        filterText.addListener(obs -> refilter());
        machineNames.names().addListener((MapChangeListener<String, String>) change -> rows.forEach(this::label));
        machineNames.loadedProperty().addListener(obs -> rows.forEach(this::label));
        refilter();
    }

    /** The rows to show: filtered by {@link #showAllProperty()} and {@link #filterTextProperty()}, unsorted. */
    public ObservableList<ContainerRow> visibleRows() {
        return visible;
    }

    /** True once the signed-in endpoint's machines are known, so runners can be told ours from others'. */
    public ReadOnlyBooleanProperty machinesKnownProperty() {
        return machineNames.loadedProperty();
    }

    /** Every container the engine listed, runner or not. */
    public ObservableList<ContainerRow> allRows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    /** Show every container, not only the runners of this endpoint's machines. */
    public BooleanProperty showAllProperty() {
        return showAll;
    }

    /** Words that must all appear in a row's name, image, state, status or machine (any case). */
    public StringProperty filterTextProperty() {
        return filterText;
    }

    public ReadOnlyObjectProperty<EngineStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Which engine answers, e.g. "Docker 20.10.24 at unix:///var/run/docker.sock"; "" until known. */
    public ReadOnlyStringProperty engineLabelProperty() {
        return engineLabel.getReadOnlyProperty();
    }

    /** Why no engine answers (while {@link EngineStatus#UNREACHABLE}). */
    public ReadOnlyStringProperty unreachableReasonProperty() {
        return unreachableReason.getReadOnlyProperty();
    }

    /** What the user can do about it. */
    public ReadOnlyStringProperty unreachableFixProperty() {
        return unreachableFix.getReadOnlyProperty();
    }

    /** The last failed action in plain words; "" when there is nothing to report. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** What is being done right now, e.g. "Restarting drp-runner-…"; "" when idle. */
    public ReadOnlyStringProperty activityProperty() {
        return activity.getReadOnlyProperty();
    }

    public void dismissProblem() {
        problem.set("");
    }

    /** Lists the containers and follows engine events until {@link #stop()}. */
    public void start() {
        started = true;
        machineNames.start();
        connect();
    }

    /** Stops following: no engine events, no machine events, and late results are dropped. */
    public void stop() {
        started = false;
        generation++;
        closeWatch();
        machineNames.stop();
    }

    /** Tries the engine again now (the event stream also retries by itself, with growing pauses). */
    public void retry() {
        if (started) {
            generation++;
            closeWatch();
            connect();
        }
    }

    private void connect() {
        int myGeneration = generation;
        if (rows.isEmpty()) {
            status.set(EngineStatus.CONNECTING);
        }
        services.io().execute(() -> {
            try {
                ContainerEngine engine = services.engine().get();
                EngineInfo info = engine.info();
                Closeable events = engine.watchEvents(EventQuery.containers(), event -> relist.request(),
                        connectionListener(myGeneration));
                List<ContainerSummary> containers = engine.containers().list(ContainerQuery.all());
                onFx(myGeneration, () -> connected(info, events, containers), () -> closeQuietly(events));
            } catch (EngineUnavailableException e) {
                onFx(myGeneration, () -> unreachable(e.reason(), e.fixHint()), () -> { });
            } catch (EngineException e) {
                onFx(myGeneration, () -> unreachable(e.getMessage(), "Check the engine, then Retry."), () -> { });
            }
        });
    }

    private EngineConnectionListener connectionListener(int myGeneration) {
        return new EngineConnectionListener() {
            @Override
            public void onConnected() {
                relist.request(); // events may have been missed while away
            }

            @Override
            public void onLost(String reason, Duration nextRetry) {
                onFx(myGeneration, () -> unreachable(reason,
                        "The console tries again by itself; Retry tries now."), () -> { });
            }
        };
    }

    private void connected(EngineInfo info, Closeable events, List<ContainerSummary> containers) {
        watch = events;
        engineLabel.set(info.product().displayName() + " " + info.version() + " at " + info.host());
        show(containers);
    }

    private void unreachable(String reason, String fix) {
        unreachableReason.set(reason);
        unreachableFix.set(fix);
        status.set(EngineStatus.UNREACHABLE);
    }

    private void relistNow() {
        int myGeneration = generation;
        try {
            List<ContainerSummary> containers = services.engine().get().containers().list(ContainerQuery.all());
            onFx(myGeneration, () -> show(containers), () -> { });
        } catch (EngineUnavailableException e) {
            onFx(myGeneration, () -> unreachable(e.reason(), e.fixHint()), () -> { });
        } catch (EngineException e) {
            LOG.debug("Re-listing containers failed; the next event tries again", e);
        }
    }

    /** Updates rows in place (by container id), adds new ones and drops the gone. */
    private void show(List<ContainerSummary> containers) {
        Map<String, ContainerRow> byId = new HashMap<>();
        rows.forEach(row -> byId.put(row.id(), row));
        Map<String, ContainerSummary> listed = new HashMap<>();
        containers.forEach(container -> listed.put(container.id(), container));
        rows.removeIf(row -> !listed.containsKey(row.id()));
        for (ContainerSummary container : containers) {
            ContainerRow row = byId.get(container.id());
            if (row != null) {
                row.update(container);
            } else {
                row = new ContainerRow(container);
                label(row);
                rows.add(row);
            }
        }
        status.set(EngineStatus.READY);
    }

    /** Names the runner's machine, and tells whether it is this endpoint's (only those are listed as runners). */
    private void label(ContainerRow row) {
        Optional<String> uuid = row.machineUuid();
        if (uuid.isEmpty()) {
            row.setMachine("", false);
        } else if (machineNames.loadedProperty().get() && machineNames.has(uuid.get())) {
            row.setMachine(machineNames.label(uuid.get()), true);
        } else if (machineNames.loadedProperty().get()) {
            row.setMachine(NOT_THIS_ENDPOINTS + " (" + uuid.get() + ")", false);
        } else {
            row.setMachine(uuid.get(), false); // not known yet: not listed as ours until the machines are
        }
    }

    private void refilter() {
        boolean all = showAll.get();
        String[] words = filterText.get().toLowerCase(Locale.ROOT).trim().split("\\s+");
        visible.setPredicate(row -> (all || row.isOurs()) && matches(row, words));
    }

    private static boolean matches(ContainerRow row, String[] words) {
        ContainerSummary summary = row.summary();
        String text = String.join(" ", summary.name(), summary.image(), summary.state(), summary.status(),
                row.machineProperty().get()).toLowerCase(Locale.ROOT);
        for (String word : words) {
            if (!text.contains(word)) {
                return false;
            }
        }
        return true;
    }

    public void restart(ContainerRow row) {
        act("Restarting", "restart", row, containers -> containers.restart(row.id(), STOP_TIMEOUT));
    }

    public void stop(ContainerRow row) {
        act("Stopping", "stop", row, containers -> containers.stop(row.id(), STOP_TIMEOUT));
    }

    /** Removes the container, stopping it first if it runs (the user confirmed). */
    public void remove(ContainerRow row) {
        act("Removing", "remove", row, containers -> containers.remove(row.id(), true));
    }

    private void act(String doing, String verb, ContainerRow row, Consumer<EngineContainers> action) {
        String name = row.name();
        activity.set(doing + " " + name + "…");
        problem.set("");
        services.io().execute(() -> {
            String failure = "";
            try {
                action.accept(services.engine().get().containers());
            } catch (EngineException e) {
                failure = "Could not " + verb + " " + name + ": " + e.getMessage();
            }
            String result = failure;
            services.fxThread().execute(() -> {
                activity.set("");
                problem.set(result);
            });
            relist.request();
        });
    }

    /** Inspects the container; {@code shown} gets the result on the FX thread. */
    public void inspect(ContainerRow row, Consumer<ContainerInspection> shown) {
        services.io().execute(() -> {
            try {
                ContainerInspection inspection = ContainerInspection.of(
                        services.engine().get().containers().inspect(row.id()));
                services.fxThread().execute(() -> shown.accept(inspection));
            } catch (EngineException e) {
                services.fxThread().execute(() -> problem.set("Could not inspect " + row.name() + ": "
                        + e.getMessage()));
            }
        });
    }

    /**
     * Follows the container's log: its last {@value #LOG_TAIL} lines, then new ones as they come, each with the
     * engine's time for it ({@link dev.drpconsole.core.engine.LogLine#timestamp()}). The listener is
     * called on an engine stream thread (hand lines to a thread-safe sink). Returns at once; closing the handle
     * stops following, also when the engine has not answered yet.
     */
    public AutoCloseable followLogs(ContainerRow row, LogListener listener) {
        LogFollowHandle handle = new LogFollowHandle();
        services.io().execute(() -> {
            try {
                handle.opened(services.engine().get().containers().followLogs(row.id(),
                        LogOptions.everything().withTail(LOG_TAIL).withTimestamps(true), listener));
            } catch (EngineException e) {
                listener.onFailure(e);
            }
        });
        return handle;
    }

    private void onFx(int myGeneration, Runnable current, Runnable stale) {
        services.fxThread().execute(() -> {
            if (myGeneration == generation) {
                current.run();
            } else {
                services.io().execute(stale);
            }
        });
    }

    private void closeWatch() {
        if (watch != null) {
            Closeable closing = watch;
            watch = null;
            services.io().execute(() -> closeQuietly(closing));
        }
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("Closing an engine stream failed; it is abandoned", e);
        }
    }
}
