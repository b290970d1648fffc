package dev.drpconsole.ui.runners;

import dev.drpconsole.core.drp.DrpApiException;
import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.drp.DrpContext;
import dev.drpconsole.core.drp.DrpType;
import dev.drpconsole.core.drp.Filter;
import dev.drpconsole.core.drp.Job;
import dev.drpconsole.core.drp.Machine;
import dev.drpconsole.core.engine.ContainerSummary;
import dev.drpconsole.core.engine.EngineInfo;
import dev.drpconsole.core.engine.LiveContainers;
import dev.drpconsole.ui.common.KeyedRows;
import dev.drpconsole.ui.common.LiveList;
import dev.drpconsole.ui.common.LiveSection;
import dev.drpconsole.ui.common.Navigator;
import dev.drpconsole.ui.common.ViewServices;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The Runner machines section: machines with a BaseContext (context runners), with their current job and the state of
 * their {@code drp-runner-<uuid>} container, all live while the page is shown (DRP events for machines, jobs and
 * contexts; engine events for containers), plus the commands on them. FX thread only.
 */
public final class RunnersViewModel extends LiveSection {
    /** How long a list of the containers waits for more events to join it (a start is a burst of them). */
    private static final Duration CONTAINERS_GAP = Duration.ofMillis(150);
    private final Duration containersGap;
    private final LiveList<Machine> machines;
    private final LiveList<Job> jobs;
    private final LiveList<DrpContext> contexts;
    private final ObservableList<RunnerRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> contextNames = FXCollections.observableArrayList();
    /** Container state by machine UUID; null while the engine cannot be asked. */
    private Map<String, String> containers = Map.of();
    private boolean containersListed;
    /** False when the endpoint has no runner engine: the container column says "not watched". */
    private boolean containersWatched = true;

    public RunnersViewModel(ViewServices services) {
        this(services, CONTAINERS_GAP);
    }

    /** @param containersGap how long a list of the containers waits for more events (zero in tests: inline) */
    RunnersViewModel(ViewServices services, Duration containersGap) {
        super(services);
        this.containersGap = containersGap;
        machines = new LiveList<>(services.tasks().ui());
        jobs = new LiveList<>(services.tasks().ui());
        contexts = new LiveList<>(services.tasks().ui());
        machines.items().addListener(this::machinesChanged);
        jobs.items().addListener((ListChangeListener<Job>) change -> rebuild());
        contexts.items().addListener((ListChangeListener<DrpContext>) change -> {
            contextNames.setAll(contexts.items().stream().map(DrpContext::name).sorted().toList());
            rebuild(); // a context's engine says whether its runners have containers
        });
        machines.loadedProperty().addListener((obs, old, now) -> updateState());
        reportProblems(machines, "Could not list machines");
        reportProblems(jobs, "Could not list jobs");
        reportContextProblems(contexts, problemProperty()::set);
    }

    public ObservableList<RunnerRow> rows() {
        return rows;
    }

    /** The contexts a runner can use, by name, sorted; live. */
    public ObservableList<String> contextNames() {
        return contextNames;
    }

    /** Lists everything again (the rows stay live without it). */
    public void refresh() {
        shown();
    }

    /**
     * A form for a new runner machine, or null while not connected. What a save had to undo on the endpoint (its
     * default workflow) goes to the page's banner: the form closes on save, and the user should learn the endpoint
     * gives new machines a workflow.
     */
    public RunnerFormViewModel newRunnerForm() {
        if (client() == null) {
            return null;
        }
        RunnerFormViewModel form = new RunnerFormViewModel(client(), services.tasks(), contextNames);
        form.noticeProperty().addListener((obs, old, now) -> problemProperty().set(now));
        return form;
    }

    /**
     * Moves the machine to another context ({@link Machine#movedTo}): a runner's BaseContext (where it returns
     * after workflows) and its Context (where its tasks run now), so docker-context starts the new context's
     * container. A machine without BaseContext never gets one from this.
     */
    public void changeContext(RunnerRow row, String context) {
        change(row, "Could not change the context of " + row.name(), machine -> machine.movedTo(context));
    }

    /** Lets DRP hand the machine jobs again (after a failed job made it not runnable). */
    public void makeRunnable(RunnerRow row) {
        change(row, "Could not make " + row.name() + " runnable", machine -> machine.withRunnable(true));
    }

    /** Deletes the machine; docker-context then removes its container. The row goes with DRP's event. */
    public void delete(RunnerRow row) {
        String failureAction = "Could not delete machine " + row.name();
        DrpClient client = client();
        if (client != null && !refusedAsLocked(row, failureAction)) {
            call(failureAction, () -> client.delete(DrpType.MACHINES, row.uuid()),
                    deleted -> problemProperty().set(""));
        }
    }

    /**
     * Lets DRP take changes to the machine again. DRP always allows the change that unlocks (v3.13.6
     * backend/requestTracker.go {@code Locked}).
     */
    public void unlock(RunnerRow row) {
        sendChange(row, "Could not unlock " + row.name(), machine -> machine.withLocked(false));
    }

    /**
     * Why the machine's commands (change context, make runnable, delete) are off, with how to turn them on; "" when
     * they are not. A locked machine refuses them all (models/machine.go: "changes to the Machine by users are not
     * allowed, except for unlocking the machine").
     */
    public String refusal(RunnerRow row) {
        return row.machine().locked() ? "Locked: " + unlockHint(row) : "";
    }

    /** What lets DRP take changes to a locked machine again. */
    public String unlockHint(RunnerRow row) {
        return "unlock it to change it (Unlock, or drpcli machines update " + row.uuid() + " '{\"Locked\":false}')";
    }

    /** Says why a command was not sent to a locked machine (a key press reaches it even with its button off). */
    private boolean refusedAsLocked(RunnerRow row, String failureAction) {
        String refusal = refusal(row);
        if (!refusal.isEmpty()) {
            problemProperty().set(failureAction + ": " + refusal);
        }
        return !refusal.isEmpty();
    }

    /** Shows the runner container's log in the Containers section. */
    public void showContainerLogs(RunnerRow row) {
        services.navigator().show(Navigator.CONTAINERS, row.containerName());
    }

    /** Shows the current job in the Jobs section; false when the machine has none. */
    public boolean showCurrentJob(RunnerRow row) {
        if (row.jobUuid().isEmpty()) {
            return false;
        }
        services.navigator().show(Navigator.JOBS, row.jobUuid());
        return true;
    }

    @Override
    protected void startFollowing(DrpClient client) {
        // In name order, the table's own: sorting 10,000 rows on the FX thread then meets sorted input (about 70 ms
        // less in a cold console), and an endpoint sorts by an index at little cost.
        follow(machines, DrpType.MACHINES, Filter.ALL.withoutParams().sort("Name"), Machine::isRunner);
        follow(jobs, DrpType.JOBS, Filter.where("Current", "true"), Job::current);
        follow(contexts, DrpType.CONTEXTS, Filter.ALL, context -> true);
        LiveContainers watch = new LiveContainers(services.runnerEngine(), containersGap, services.io(),
                services.fxThread());
        whileFollowing(watch);
        watch.start(new LiveContainers.Listener() {
            @Override
            public void connected(EngineInfo info) {
            }

            @Override
            public void listed(List<ContainerSummary> all) {
                containersAre(byMachine(all));
            }

            @Override
            public void unreachable(String reason, String fix) {
                containersAre(null);
            }

            @Override
            public void notWatched(String reason, String fix) {
                containers = Map.of();
                containersListed = true;
                containersWatched = false;
                rebuild();
            }
        });
    }

    /**
     * The engine's containers were listed again (any container's event on that engine does it): the rows are redone
     * only when a runner's container state changed, not for every container of other work on the engine.
     */
    private void containersAre(Map<String, String> states) {
        if (containersListed && containersWatched && Objects.equals(containers, states)) {
            return;
        }
        containers = states;
        containersListed = true;
        containersWatched = true;
        rebuild();
    }

    /** Container state by runner machine UUID, a running container winning over a stopped one. */
    private static Map<String, String> byMachine(List<ContainerSummary> all) {
        Map<String, String> states = new HashMap<>();
        for (ContainerSummary container : all) {
            container.runnerMachineUuid().ifPresent(uuid -> states.merge(uuid.toString(), container.state(),
                    (one, other) -> "running".equals(one) ? one : other));
        }
        return states;
    }

    @Override
    protected void clear() {
        machines.clear();
        jobs.clear();
        contexts.clear();
        rows.clear();
        containersListed = false;
    }

    @Override
    protected boolean loaded() {
        return machines.loadedProperty().get();
    }

    @Override
    protected boolean empty() {
        return rows.isEmpty();
    }

    private void change(RunnerRow row, String failureAction, UnaryOperator<Machine> edit) {
        if (!refusedAsLocked(row, failureAction)) {
            sendChange(row, failureAction, edit);
        }
    }

    private void sendChange(RunnerRow row, String failureAction, UnaryOperator<Machine> edit) {
        DrpClient client = client();
        if (client == null) {
            return;
        }
        Machine opened = row.machine();
        call(failureAction, () -> {
            try {
                return client.update(opened, edit.apply(opened));
            } catch (DrpApiException e) {
                if (e.isConflict()) {
                    throw new DrpApiException(e.code(), e.model(), e.key(), e.type(), List.of("someone else changed "
                            + row.name() + " at the same moment, so nothing was changed. Look at its row and try"
                            + " again"));
                }
                throw e;
            }
        }, saved -> problemProperty().set(""));
    }

    /**
     * A live update replaces a few machines in place: only their rows are redone (rebuilding 10,000 rows per event
     * would cost every update tens of milliseconds). Anything else (first list, resync, new or gone machines) is
     * a rebuild.
     */
    private void machinesChanged(ListChangeListener.Change<? extends Machine> change) {
        List<Machine> replaced = new ArrayList<>();
        while (change.next()) {
            if (!change.wasReplaced() || change.getAddedSize() != change.getRemovedSize()) {
                rebuild();
                return;
            }
            replaced.addAll(change.getAddedSubList());
        }
        for (Machine machine : replaced) {
            int at = rowIndex(machine.uuid());
            if (at < 0) {
                rebuild();
                return;
            }
            rows.set(at, new RunnerRow(machine, currentJob(machine), containerState(machine)));
        }
        updateState();
    }

    private int rowIndex(String uuid) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).uuid().equals(uuid)) {
                return i;
            }
        }
        return -1;
    }

    private Job currentJob(Machine machine) {
        Job found = null;
        for (Job job : jobs.items()) {
            if (job.machine().equals(machine.uuid())) {
                found = job; // the last one listed wins, as in rebuild()
            }
        }
        return found;
    }

    private void rebuild() {
        Map<String, Job> jobByMachine = new HashMap<>();
        jobs.items().forEach(job -> jobByMachine.put(job.machine(), job));
        List<RunnerRow> wanted = new ArrayList<>();
        for (Machine machine : machines.items()) {
            wanted.add(new RunnerRow(machine, jobByMachine.get(machine.uuid()), containerState(machine)));
        }
        KeyedRows.sync(rows, wanted, RunnerRow::uuid);
        updateState();
    }

    private String containerState(Machine machine) {
        boolean otherEngine = contexts.items().stream().anyMatch(context -> context.name().equals(machine.context())
                && !context.runsOnDockerContext());
        if (otherEngine) {
            return RunnerRow.OTHER_ENGINE;
        }
        if (!containersListed) {
            return RunnerRow.CHECKING;
        }
        if (!containersWatched) {
            return RunnerRow.NOT_WATCHED;
        }
        if (containers == null) {
            return RunnerRow.UNKNOWN;
        }
        return containers.getOrDefault(machine.uuid(), RunnerRow.MISSING);
    }
}
