package dev.drpconsole.ui.containers;

import dev.drpconsole.core.concurrent.BackgroundTask;
import dev.drpconsole.core.concurrent.TaskSlot;
import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.engine.ContainerInspection;
import dev.drpconsole.core.engine.ContainerSummary;
import dev.drpconsole.core.engine.EngineContainers;
import dev.drpconsole.core.engine.EngineException;
import dev.drpconsole.core.engine.EngineInfo;
import dev.drpconsole.core.engine.LiveContainers;
import dev.drpconsole.core.engine.LogListener;
import dev.drpconsole.core.engine.LogOptions;
import dev.drpconsole.core.engine.ResumingLogFollow;
import dev.drpconsole.ui.common.KeyedRows;
import dev.drpconsole.ui.common.LiveSection;
import dev.drpconsole.ui.common.MachineNames;
import dev.drpconsole.ui.common.PlainWords;
import dev.drpconsole.ui.common.ViewServices;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;

/**
 * The Containers view's state and commands: the engine's containers, kept current from engine events while the
 * page is shown ({@link LiveContainers}), labelled with the signed-in endpoint's machines, of which the page lists
 * this endpoint's runners (all containers with {@link #showAllProperty()}); plus restart, stop, remove, inspect and
 * log following. The page state is "not connected" while no engine answers. FX thread only.
 */
public final class ContainersViewModel extends LiveSection {
    static final Duration RELIST_GAP = Duration.ofMillis(250);
    /** The machine column of a runner whose machine the signed-in endpoint does not have. */
    public static final String NOT_THIS_ENDPOINTS = "not this endpoint's machine";
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    /** A followed log starts with at most this many existing lines: enough context, bounded memory. */
    private static final int LOG_TAIL = 2000;

    private final Duration relistGap;
    private final ObservableList<ContainerRow> rows = FXCollections.observableArrayList(ContainerRow::observables);
    private final BooleanProperty showAll = new SimpleBooleanProperty(false);
    private final ObjectBinding<Predicate<ContainerRow>> listed;
    private final ReadOnlyStringWrapper engineLabel = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper unreachableReason = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper unreachableFix = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper activity = new ReadOnlyStringWrapper("");
    private final TaskSlot inspection = new TaskSlot();
    private final MachineNames machineNames;
    private LiveContainers live;
    private boolean reachable = true;
    private boolean loaded;

    public ContainersViewModel(ViewServices services) {
        this(services, RELIST_GAP);
    }

    /** @param relistGap how long engine events gather before the containers are listed again (zero in tests) */
    ContainersViewModel(ViewServices services, Duration relistGap) {
        super(services, false);
        this.relistGap = relistGap;
        this.machineNames = new MachineNames(services);
        this.listed = Bindings.createObjectBinding(() -> {
            boolean all = showAll.get();
            return row -> all || row.isOurs();
        }, showAll);
        machineNames.names().addListener((MapChangeListener<String, String>) change -> rows.forEach(this::label));
        machineNames.loadedProperty().addListener(obs -> rows.forEach(this::label));
    }

    /** Every container the engine listed, runner or not, in the engine's order. */
    public ObservableList<ContainerRow> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    /** Which rows the page lists: this endpoint's runners, or every container with {@link #showAllProperty()}. */
    public ObservableValue<Predicate<ContainerRow>> listedProperty() {
        return listed;
    }

    /** True once the signed-in endpoint's machines are known, so runners can be told ours from others'. */
    public ReadOnlyBooleanProperty machinesKnownProperty() {
        return machineNames.loadedProperty();
    }

    /** Show every container, not only the runners of this endpoint's machines. */
    public BooleanProperty showAllProperty() {
        return showAll;
    }

    /** Which engine answers, e.g. "Docker 20.10.24 at unix:///var/run/docker.sock"; "" until known. */
    public ReadOnlyStringProperty engineLabelProperty() {
        return engineLabel.getReadOnlyProperty();
    }

    /** Why no engine answers (while the page state is not connected). */
    public ReadOnlyStringProperty unreachableReasonProperty() {
        return unreachableReason.getReadOnlyProperty();
    }

    /** What the user can do about it. */
    public ReadOnlyStringProperty unreachableFixProperty() {
        return unreachableFix.getReadOnlyProperty();
    }

    /** What is being done right now, e.g. "Restarting drp-runner-…"; "" when idle. */
    public ReadOnlyStringProperty activityProperty() {
        return activity.getReadOnlyProperty();
    }

    /** Also follows the endpoint's machines, to name the runners and tell ours from others'. */
    @Override
    public void shown() {
        machineNames.start();
        super.shown();
    }

    @Override
    public void hidden() {
        super.hidden();
        inspection.cancel();
        machineNames.stop();
    }

    /** Tries the engine again now (the event stream also retries by itself, with growing pauses). */
    public void retry() {
        followAgain();
    }

    @Override
    protected void startFollowing(DrpClient client) {
        reachable = true; // trying: the rows listed last stay until the engine answers or not
        loaded = !rows.isEmpty();
        updateState();
        LiveContainers containers = new LiveContainers(services.runnerEngine(), relistGap, services.io(),
                services.fxThread());
        live = containers;
        whileFollowing(containers);
        containers.start(new LiveContainers.Listener() {
            @Override
            public void connected(EngineInfo info) {
                engineLabel.set("Runner engine: " + info.product().displayName() + " " + info.version() + " at "
                        + info.where());
            }

            @Override
            public void notWatched(String reason, String fix) {
                rows.clear(); // another endpoint's engine's containers are not this one's
                engineLabel.set("Runner engine: none for this endpoint");
                unreachable(reason, fix);
            }

            @Override
            public void listed(List<ContainerSummary> all) {
                show(all);
            }

            @Override
            public void unreachable(String reason, String fix) {
                unreachableReason.set(reason);
                unreachableFix.set(fix);
                reachable = false;
                updateState();
            }
        });
    }

    /** The engine's containers outlive an endpoint switch: only their machine labels change. */
    @Override
    protected void clear() {
    }

    @Override
    protected boolean connected() {
        return reachable;
    }

    @Override
    protected boolean loaded() {
        return loaded;
    }

    /** Never the empty page: the table's placeholder says why nothing is listed (the filter, the runners). */
    @Override
    protected boolean empty() {
        return false;
    }

    /** Updates rows in place (by container id), adds new ones and drops the gone. */
    private void show(List<ContainerSummary> containers) {
        KeyedRows.sync(rows, containers, ContainerSummary::id, ContainerRow::id, container -> {
            ContainerRow row = new ContainerRow(container);
            label(row);
            return row;
        }, (row, container) -> {
            row.update(container);
            return row;
        });
        reachable = true;
        loaded = true;
        updateState();
    }

    /**
     * Why a container the user chose is no longer listed, in words for its details: gone from the engine, or no
     * longer this endpoint's runner (its machine was deleted); "" when only a filter hides it.
     */
    public String whyUnlisted(ContainerRow row) {
        if (!rows.contains(row)) {
            return row.name() + " is gone: the engine no longer has it.";
        }
        if (row.isRunner() && !row.isOurs() && !listed.get().test(row)) {
            return row.name() + " is no longer this endpoint's runner: its machine was deleted (DRP then removes the "
                    + "container).";
        }
        return "";
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
        BackgroundTask.wrap(() -> action.accept(services.runnerEngine().get().containers()))
                .onRunning(() -> {
                    activity.set(doing + " " + name + "…");
                    problemProperty().set("");
                })
                .onFailure(failure -> problemProperty().set(PlainWords.of("Could not " + verb + " " + name, failure)))
                .onFinished(() -> {
                    activity.set("");
                    if (live != null) {
                        live.relist(); // its events do too; this one also covers an engine that sends none
                    }
                })
                .executeWith(tasks());
    }

    /**
     * Inspects the container; {@code shown} gets the result on the FX thread, unless another container was
     * inspected since (its answer wins) or the page was hidden.
     */
    public void inspect(ContainerRow row, Consumer<ContainerInspection> shown) {
        BackgroundTask.wrap(() -> ContainerInspection.of(services.runnerEngine().get().containers().inspect(row.id())))
                .in(inspection)
                .onSuccess(shown)
                .onFailure(failure -> problemProperty().set(PlainWords.of("Could not inspect " + row.name(), failure)))
                .executeWith(tasks());
    }

    /**
     * Follows the container's log: its last {@value #LOG_TAIL} lines, then new ones as they come, each with the
     * engine's time for it ({@link dev.drpconsole.core.engine.LogLine#timestamp()}). The listener's lines come on an
     * engine stream thread (hand them to a thread-safe sink); a failure to open comes on the FX thread. Returns at
     * once; closing the handle stops following, also when the engine has not answered yet.
     */
    public AutoCloseable followLogs(ContainerRow row, LogListener listener) {
        LogFollowHandle handle = new LogFollowHandle();
        // Resumed after a cut connection (an ssh tunnel to the runner engine that drops), without repeating lines.
        BackgroundTask.wrap(() -> handle.opened(ResumingLogFollow.start(services.runnerEngine()::get, row.id(),
                        LogOptions.everything().withTail(LOG_TAIL).withTimestamps(true), listener, services.io())))
                .onFailure(failure -> listener.onFailure(failure instanceof EngineException engine ? engine
                        : new EngineException(failure.getMessage(), 0, failure)))
                .executeWith(tasks());
        return handle;
    }

    /** Closes a log follow without waiting on its socket here. */
    void stopFollowingLogs(AutoCloseable follow) {
        BackgroundTask.wrap(follow::close).executeWith(tasks());
    }
}
