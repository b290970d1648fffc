package dev.drpconsole.ui.jobs;

import dev.drpconsole.core.concurrent.Repeating;
import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.drp.DrpType;
import dev.drpconsole.core.drp.Filter;
import dev.drpconsole.core.drp.Job;
import dev.drpconsole.core.drp.JobLogFollower;
import dev.drpconsole.core.engine.ContainerSummary;
import dev.drpconsole.core.engine.EngineInfo;
import dev.drpconsole.core.engine.LiveContainers;
import dev.drpconsole.core.engine.RunnerContainerName;
import dev.drpconsole.ui.common.KeyedRows;
import dev.drpconsole.ui.common.LiveList;
import dev.drpconsole.ui.common.LiveSection;
import dev.drpconsole.ui.common.MachineNames;
import dev.drpconsole.ui.common.Navigator;
import dev.drpconsole.ui.common.ViewServices;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;

/**
 * The Jobs view's state and commands: the endpoint's most recent {@value #RECENT_JOBS} jobs, kept live by events
 * while the page is shown, the filters (state, machine, task, context, time window; the page's filter box adds free
 * text), the selected job and its log, read as it grows, and where its machine and container links lead. Durations
 * of running jobs tick once a second. FX thread only.
 */
public final class JobsViewModel extends LiveSection {
    static final int RECENT_JOBS = 1000;
    /** The job states DRP knows (§3.3), for the state filter. */
    public static final List<String> STATES = List.of("created", "running", "finished", "failed", "incomplete");
    /** The context filter's value for jobs with no context (run by the machine's own agent). */
    public static final String OWN_AGENT = "(machine's own agent)";
    private static final Duration TICK = Duration.ofSeconds(1);
    private static final Duration CONTAINERS_GAP = Duration.ofMillis(300);

    private final Clock clock;
    private final Duration tickEvery;
    private final Duration containersGap;
    private final LiveList<Job> jobs;
    private final ObservableList<JobRow> rows = FXCollections.observableArrayList(JobRow::observables);
    private final StringProperty stateFilter = new SimpleStringProperty("");
    private final StringProperty machineFilter = new SimpleStringProperty("");
    private final StringProperty taskFilter = new SimpleStringProperty("");
    private final StringProperty contextFilter = new SimpleStringProperty("");
    private final ObjectProperty<TimeWindow> timeFilter = new SimpleObjectProperty<>(TimeWindow.ALL);
    /** When the filters were last applied: each tick moves it on while a time window is chosen, to re-apply them. */
    private final ObjectProperty<Instant> filteredAt = new SimpleObjectProperty<>();
    private final ObjectBinding<Predicate<JobRow>> listed;
    private final ObservableList<String> machineChoices = FXCollections.observableArrayList();
    private final ObservableList<String> taskChoices = FXCollections.observableArrayList();
    private final ObservableList<String> contextChoices = FXCollections.observableArrayList();
    private final ObjectProperty<JobRow> selected = new SimpleObjectProperty<>();
    private final ChangeListener<Job> selectedJobChanged = (obs, old, now) -> selectedJobChanged(now);
    private final MachineNames machineNames;
    private final List<Runnable> containerListeners = new ArrayList<>();
    private final JobLogSink logSink;
    /** The engine's container names; null while the engine has not answered (the links are then offered). */
    private Set<String> containerNames;
    private JobLogFollower follower;

    /** @param logSink where the selected job's log goes; its append and finish must be thread-safe */
    public JobsViewModel(ViewServices services, JobLogSink logSink) {
        this(services, logSink, Clock.systemUTC(), TICK, CONTAINERS_GAP);
    }

    /**
     * @param clock         the time durations and the time filter are measured against (fixed in tests)
     * @param tickEvery     how often running jobs' durations move on; null for never (tests call {@link #tick()})
     * @param containersGap how long engine events gather before the containers are listed again (zero in tests)
     */
    JobsViewModel(ViewServices services, JobLogSink logSink, Clock clock, Duration tickEvery, Duration containersGap) {
        super(services);
        this.logSink = logSink;
        this.clock = clock;
        this.tickEvery = tickEvery;
        this.containersGap = containersGap;
        this.machineNames = new MachineNames(services);
        this.jobs = new LiveList<>(services.fxThread());
        filteredAt.set(clock.instant());
        listed = Bindings.createObjectBinding(this::conditions, stateFilter, machineFilter, taskFilter, contextFilter,
                timeFilter, filteredAt);
        jobs.items().addListener((ListChangeListener<Job>) change -> sync());
        jobs.loadedProperty().addListener(obs -> updateState());
        reportProblems(jobs, "Could not list the jobs");
        machineNames.names().addListener((MapChangeListener<String, String>) change -> relabel());
        selected.addListener((obs, old, now) -> selectionChanged(old, now));
    }

    /** Every listed job, whatever the filters, in the endpoint's order. */
    public ObservableList<JobRow> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    /** The jobs the filters let through (the page's filter box narrows them further). */
    public ObservableValue<Predicate<JobRow>> listedProperty() {
        return listed;
    }

    /** "" for any state, else one of {@link #STATES}. */
    public StringProperty stateFilterProperty() {
        return stateFilter;
    }

    /** "" for any machine, else a machine UUID (see {@link #machineLabel(String)}). */
    public StringProperty machineFilterProperty() {
        return machineFilter;
    }

    /** "" for any task, else a task name. */
    public StringProperty taskFilterProperty() {
        return taskFilter;
    }

    /** "" for any context; {@link #OWN_AGENT} for jobs run by the machine's own agent. */
    public StringProperty contextFilterProperty() {
        return contextFilter;
    }

    public ObjectProperty<TimeWindow> timeFilterProperty() {
        return timeFilter;
    }

    /** The machines of the listed jobs (UUIDs), for the machine filter. */
    public ObservableList<String> machineChoices() {
        return machineChoices;
    }

    public ObservableList<String> taskChoices() {
        return taskChoices;
    }

    public ObservableList<String> contextChoices() {
        return contextChoices;
    }

    /** The job whose details and log are shown; the view sets it from the table. */
    public ObjectProperty<JobRow> selectedProperty() {
        return selected;
    }

    /** A machine's name, or its UUID while unknown. */
    public String machineLabel(String uuid) {
        return machineNames.label(uuid);
    }

    /** Also follows the endpoint's machines, to name them and to know where a job's machine link leads. */
    @Override
    public void shown() {
        machineNames.start();
        super.shown();
    }

    @Override
    public void hidden() {
        super.hidden();
        machineNames.stop();
    }

    @Override
    protected void startFollowing(DrpClient client) {
        follow(jobs, DrpType.JOBS, Filter.ALL.sort("StartTime").reverse().limit(RECENT_JOBS), job -> true);
        followContainers();
        if (tickEvery != null) {
            whileFollowing(Repeating.every(tickEvery, () -> services.fxThread().execute(this::tick), services.io()));
        }
        whileFollowing(this::closeFollower);
        if (selected.get() != null) {
            followLog(selected.get());
        }
    }

    @Override
    protected void clear() {
        jobs.clear();
        rows.clear();
        selected.set(null);
        updateChoices();
    }

    @Override
    protected boolean loaded() {
        return jobs.loadedProperty().get();
    }

    /** Never the empty page: the table's placeholder says whether there are no jobs or the filters hide them. */
    @Override
    protected boolean empty() {
        return false;
    }

    /**
     * The job's state as the details show it: an incomplete job says that DRP runs it again, and, while its machine
     * is not runnable (the v4.7 agent stops it after an incomplete job), what lets that happen.
     */
    public String stateText(JobRow row) {
        Job job = row.job();
        if (!job.isIncomplete()) {
            return job.state();
        }
        return machineNames.notRunnable().contains(job.machine()) ? "incomplete — will be re-run once "
                + machineNames.label(job.machine()) + " is runnable again (Runner machines: Make runnable)"
                : "incomplete — will be re-run";
    }

    /** Where a link to the job's machine can lead. */
    public enum MachineLink {
        /** A runner machine: listed in Runner machines. */
        RUNNER,
        /** An ordinary machine (no BaseContext, no Context): Runner machines does not list it. */
        NOT_A_RUNNER,
        /** An ordinary machine in a context for now (a context: task): not a runner, so not listed there either. */
        IN_CONTEXT_FOR_NOW,
        /** The endpoint does not have it any more. */
        DELETED,
        /** The endpoint's machines are not listed yet. */
        UNKNOWN
    }

    /** Whether the job's machine is in Runner machines now, an ordinary machine, or deleted. */
    public MachineLink machineLink(JobRow row) {
        String uuid = row.job().machine();
        if (!machineNames.loadedProperty().get()) {
            return MachineLink.UNKNOWN;
        }
        if (!machineNames.has(uuid)) {
            return MachineLink.DELETED;
        }
        if (machineNames.runners().contains(uuid)) {
            return MachineLink.RUNNER;
        }
        return machineNames.contextsForNow().containsKey(uuid) ? MachineLink.IN_CONTEXT_FOR_NOW
                : MachineLink.NOT_A_RUNNER;
    }

    /** The context an ordinary machine is in for now (see {@link MachineLink#IN_CONTEXT_FOR_NOW}), else "". */
    public String contextForNow(JobRow row) {
        return machineNames.contextsForNow().getOrDefault(row.job().machine(), "");
    }

    /**
     * Runs {@code changed} after the engine's containers changed (a runner container started or was removed), or
     * the engine came or went, while shown: a job's container link is checked again then.
     */
    public void onContainersChanged(Runnable changed) {
        containerListeners.add(changed);
    }

    /**
     * Runs {@code changed} when machines turn runners or stop being runners, turn runnable or not, are deleted, or
     * are first listed.
     */
    public void onMachineLinksChanged(Runnable changed) {
        machineNames.runners().addListener((InvalidationListener) obs -> changed.run());
        machineNames.notRunnable().addListener((InvalidationListener) obs -> changed.run());
        machineNames.contextsForNow().addListener((InvalidationListener) obs -> changed.run());
        machineNames.names().addListener((InvalidationListener) obs -> changed.run());
        machineNames.loadedProperty().addListener(obs -> changed.run());
    }

    /** Shows the machine in the Runner machines section (only a runner machine is listed there). */
    public void showMachine(JobRow row) {
        services.navigator().show(Navigator.RUNNERS, row.job().machine());
    }

    /**
     * The container a job with a context ran in: DRP's docker-context plugin runs the jobs of machine M in
     * {@code drp-runner-<M's uuid>}.
     */
    public static String containerOf(JobRow row) {
        return RunnerContainerName.PREFIX + row.job().machine();
    }

    /**
     * Whether the job's runner container is still on the engine, as of the engine's latest list; {@code answer}
     * hears it at once (empty while the engine has not answered: the link is then offered, and Containers tells
     * what it finds).
     */
    public void checkContainer(JobRow row, Consumer<Optional<Boolean>> answer) {
        answer.accept(containerNames == null ? Optional.empty()
                : Optional.of(containerNames.contains(containerOf(row))));
    }

    /** Shows the runner container that ran the job (drp-runner-&lt;machine uuid&gt;) in the Containers section. */
    public void showContainer(JobRow row) {
        services.navigator().show(Navigator.CONTAINERS, containerOf(row));
    }

    /** The row of a job, if listed. */
    public JobRow row(String uuid) {
        return rows.stream().filter(row -> row.uuid().equals(uuid)).findFirst().orElse(null);
    }

    /** Moves running jobs' durations on, and the time window with them. */
    void tick() {
        Instant now = clock.instant();
        rows.stream().filter(row -> row.job().isRunning()).forEach(row -> row.tick(now));
        if (timeFilter.get() != TimeWindow.ALL) {
            filteredAt.set(now);
        }
    }

    private void followContainers() {
        LiveContainers containers = new LiveContainers(services.runnerEngine(), containersGap, services.io(),
                services.fxThread());
        whileFollowing(containers);
        containers.start(new LiveContainers.Listener() {
            @Override
            public void connected(EngineInfo info) {
            }

            @Override
            public void listed(List<ContainerSummary> all) {
                containersAre(all.stream().map(ContainerSummary::name).collect(Collectors.toSet()));
            }

            @Override
            public void unreachable(String reason, String fix) {
                containersAre(null);
            }
        });
    }

    private void containersAre(Set<String> names) {
        if (names == null ? containerNames != null : !names.equals(containerNames)) {
            containerNames = names;
            containerListeners.forEach(Runnable::run);
        }
    }

    /** Mirrors the live list into rows: updated in place, new ones added, gone ones dropped. */
    private void sync() {
        Instant now = clock.instant();
        KeyedRows.sync(rows, jobs.items(), Job::uuid, JobRow::uuid, job -> {
            JobRow row = new JobRow(job, now);
            row.setMachine(machineNames.label(job.machine()));
            return row;
        }, (row, job) -> {
            row.update(job, now);
            return row;
        });
        updateChoices();
        updateState();
    }

    private void updateChoices() {
        setIfChanged(machineChoices, Job::machine);
        setIfChanged(taskChoices, Job::task);
        setIfChanged(contextChoices, job -> job.context().isEmpty() ? OWN_AGENT : job.context());
    }

    /** Replaces the choices only when they differ: a combo box loses its open popup on every replace. */
    private void setIfChanged(ObservableList<String> choices, Function<Job, String> field) {
        TreeSet<String> now = new TreeSet<>();
        rows.forEach(row -> now.add(field.apply(row.job())));
        if (!new ArrayList<>(now).equals(choices)) {
            choices.setAll(now);
        }
    }

    private void relabel() {
        rows.forEach(row -> row.setMachine(machineNames.label(row.job().machine())));
    }

    private Predicate<JobRow> conditions() {
        String state = stateFilter.get();
        String machine = machineFilter.get();
        String task = taskFilter.get();
        String context = contextFilter.get();
        TimeWindow window = timeFilter.get();
        Instant now = clock.instant();
        return row -> {
            Job job = row.job();
            return (state.isEmpty() || state.equals(job.state()))
                    && (machine.isEmpty() || machine.equals(job.machine()))
                    && (task.isEmpty() || task.equals(job.task()))
                    && (context.isEmpty() || context.equals(job.context().isEmpty() ? OWN_AGENT : job.context()))
                    && window.includes(job.startTime().orElse(null), now);
        };
    }

    private void selectionChanged(JobRow old, JobRow now) {
        if (old != null) {
            old.jobProperty().removeListener(selectedJobChanged);
        }
        closeFollower();
        logSink.clear();
        if (now != null) {
            now.jobProperty().addListener(selectedJobChanged);
            if (client() != null) {
                followLog(now);
            }
        }
    }

    private void followLog(JobRow row) {
        closeFollower();
        follower = new JobLogFollower(client(), row.uuid(), services.io(), logSink,
                message -> services.fxThread().execute(() -> problemProperty().set(message)));
        follower.start(row.job());
    }

    private void selectedJobChanged(Job job) {
        if (follower != null) {
            follower.jobChanged(job);
        }
    }

    private void closeFollower() {
        if (follower != null) {
            follower.close();
            follower = null;
        }
    }
}
