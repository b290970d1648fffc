package dev.drpconsole.ui.jobs;

import dev.drpconsole.core.concurrent.Repeating;
import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.drp.DrpType;
import dev.drpconsole.core.drp.Filter;
import dev.drpconsole.core.drp.Job;
import dev.drpconsole.core.drp.LiveObjects;
import dev.drpconsole.core.concurrent.CoalescingTask;
import dev.drpconsole.core.engine.ContainerQuery;
import dev.drpconsole.core.engine.EngineConnectionListener;
import dev.drpconsole.core.engine.EventQuery;
import dev.drpconsole.core.engine.EngineException;
import dev.drpconsole.core.engine.RunnerContainerName;
import dev.drpconsole.ui.common.LiveList;
import dev.drpconsole.ui.common.MachineNames;
import dev.drpconsole.ui.common.Navigator;
import dev.drpconsole.ui.common.ViewServices;
import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The Jobs view's state and commands: the endpoint's most recent {@value #RECENT_JOBS} jobs, kept live by events
 * while {@link #start() started}, the filters (state, machine, task, context, time window, free text), the
 * selected job and its log, read as it grows. Durations of running jobs tick once a second. DRP calls run on
 * {@link ViewServices#io()}; state changes on {@link ViewServices#fxThread()}.
 */
public final class JobsViewModel {
    static final int RECENT_JOBS = 1000;
    /** The job states DRP knows (§3.3), for the state filter. */
    public static final List<String> STATES = List.of("created", "running", "finished", "failed", "incomplete");
    /** The context filter's value for jobs with no context (run by the machine's own agent). */
    public static final String OWN_AGENT = "(machine's own agent)";


    private final ViewServices services;
    private final Clock clock;
    private final ObservableList<JobRow> rows = FXCollections.observableArrayList(JobRow::observables);
    private final FilteredList<JobRow> visible = new FilteredList<>(rows);
    private final StringProperty stateFilter = new SimpleStringProperty("");
    private final StringProperty machineFilter = new SimpleStringProperty("");
    private final StringProperty taskFilter = new SimpleStringProperty("");
    private final StringProperty contextFilter = new SimpleStringProperty("");
    private final ObjectProperty<TimeWindow> timeFilter = new SimpleObjectProperty<>(TimeWindow.ALL);
    private final StringProperty textFilter = new SimpleStringProperty("");
    private final ObservableList<String> machineChoices = FXCollections.observableArrayList();
    private final ObservableList<String> taskChoices = FXCollections.observableArrayList();
    private final ObservableList<String> contextChoices = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<JobsStatus> status = new ReadOnlyObjectWrapper<>(JobsStatus.NOT_CONNECTED);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ObjectProperty<JobRow> selected = new SimpleObjectProperty<>();
    private final MachineNames machineNames;
    private final List<Runnable> containerListeners = new ArrayList<>();
    private final CoalescingTask containersChanged;
    private Closeable containerWatch; // FX thread
    private int containerWatchGeneration; // FX thread
    private final ChangeListener<DrpClient> clientChanged = (obs, old, now) -> follow(now);
    private final ChangeListener<Job> selectedJobChanged = (obs, old, now) -> selectedJobChanged(now);
    private final JobLogSink logSink;
    private LiveObjects<Job> live;
    private CompletableFuture<Void> liveStarted;
    private LiveList<Job> jobs;
    private Repeating ticker;
    private JobLogFollower follower;
    private boolean started;

    /** @param logSink where the selected job's log goes; its append and finish must be thread-safe */
    public JobsViewModel(ViewServices services, JobLogSink logSink) {
        this(services, logSink, Clock.systemUTC());
    }

    /** @param clock the time durations and the time filter are measured against (fixed in tests) */
    JobsViewModel(ViewServices services, JobLogSink logSink, Clock clock) {
        this.services = services;
        this.logSink = logSink;
        this.clock = clock;
        this.machineNames = new MachineNames(services);
        this.containersChanged = new CoalescingTask(() -> services.fxThread().execute(
                () -> containerListeners.forEach(Runnable::run)), Duration.ofMillis(300), services.io());
        List.<javafx.beans.Observable>of(stateFilter, machineFilter, taskFilter, contextFilter, timeFilter,
                textFilter).forEach(filter -> filter.addListener(obs -> refilter()));
        machineNames.names().addListener((MapChangeListener<String, String>) change -> relabel());

        selected.addListener((obs, old, now) -> selectionChanged(old, now));
        refilter();
    }

    /** The rows passing every filter, unsorted. */
    public ObservableList<JobRow> visibleRows() {
        return visible;
    }

    /** Every listed job, whatever the filters. */
    public ObservableList<JobRow> allRows() {
        return FXCollections.unmodifiableObservableList(rows);
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

    /** Words that must all appear in a job's task, machine, stage, context, state, exit state or UUID. */
    public StringProperty textFilterProperty() {
        return textFilter;
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

    public ReadOnlyObjectProperty<JobsStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** What went wrong (listing, reading a log) in plain words; "" when fine. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public void dismissProblem() {
        problem.set("");
    }

    /** The job whose details and log are shown; the view sets it from the table. */
    public ObjectProperty<JobRow> selectedProperty() {
        return selected;
    }

    /** A machine's name, or its UUID while unknown. */
    public String machineLabel(String uuid) {
        return machineNames.label(uuid);
    }

    /** Lists the jobs and follows events (and the ticking durations) until {@link #stop()}. */
    public void start() {
        started = true;
        machineNames.start();
        watchContainers();
        services.client().addListener(clientChanged);
        follow(services.client().get());
        ticker = Repeating.every(Duration.ofSeconds(1), () -> services.fxThread().execute(this::tick),
                services.io());
        JobRow current = selected.get();
        if (current != null) {
            followLog(current);
        }
    }

    public void stop() {
        started = false;
        services.client().removeListener(clientChanged);
        machineNames.stop();
        stopWatchingContainers();
        closeLive();
        ticker.close();
        closeFollower();
    }

    /** Where a link to the job's machine can lead. */
    public enum MachineLink {
        /** A runner machine: listed in Runner machines. */
        RUNNER,
        /** An ordinary machine (no BaseContext, no Context): Runner machines does not list it. */
        NOT_A_RUNNER,
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
        return machineNames.runners().contains(uuid) ? MachineLink.RUNNER : MachineLink.NOT_A_RUNNER;
    }

    /**
     * Runs {@code changed} on the FX thread after the engine's containers changed (a runner container started or was
     * removed), while started: a job's container link is checked again then. Bursts of events make one call.
     */
    public void onContainersChanged(Runnable changed) {
        containerListeners.add(changed);
    }

    private void watchContainers() {
        int myWatch = ++containerWatchGeneration;
        services.io().execute(() -> {
            try {
                Closeable watch = services.engine().get().watchEvents(EventQuery.containers(),
                        event -> containersChanged.request(), EngineConnectionListener.ignoring());
                services.fxThread().execute(() -> {
                    if (myWatch == containerWatchGeneration && started) {
                        containerWatch = watch;
                    } else {
                        closeQuietly(watch);
                    }
                });
            } catch (EngineException e) {
                // No engine: the links are checked when shown and when clicked, and say what they find.
            }
        });
    }

    private void stopWatchingContainers() {
        containerWatchGeneration++;
        if (containerWatch != null) {
            Closeable closing = containerWatch;
            containerWatch = null;
            services.io().execute(() -> closeQuietly(closing));
        }
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException | RuntimeException e) {
            // Abandoned either way.
        }
    }

    /** Runs {@code changed} when machines turn runners or stop being runners, are deleted, or are first listed. */
    public void onMachineLinksChanged(Runnable changed) {
        machineNames.runners().addListener((InvalidationListener) obs -> changed.run());
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
     * Asks the engine whether the job's runner container is still there; {@code answer} hears it on the FX thread
     * (empty when the engine could not be asked: the link is then offered, and Containers tells what it finds).
     */
    public void checkContainer(JobRow row, Consumer<Optional<Boolean>> answer) {
        String name = containerOf(row);
        services.io().execute(() -> {
            Optional<Boolean> there;
            try {
                there = Optional.of(services.engine().get().containers().list(ContainerQuery.all()).stream()
                        .anyMatch(container -> container.name().equals(name)));
            } catch (EngineException e) {
                there = Optional.empty();
            }
            Optional<Boolean> result = there;
            services.fxThread().execute(() -> answer.accept(result));
        });
    }

    /** Shows the runner container that ran the job (drp-runner-&lt;machine uuid&gt;) in the Containers section. */
    public void showContainer(JobRow row) {
        services.navigator().show(Navigator.CONTAINERS, containerOf(row));
    }

    /** The row of a job, if listed. */
    public JobRow row(String uuid) {
        return rows.stream().filter(row -> row.uuid().equals(uuid)).findFirst().orElse(null);
    }

    private void follow(DrpClient client) {
        closeLive();
        rows.clear();
        selected.set(null);
        if (client == null) {
            status.set(JobsStatus.NOT_CONNECTED);
            return;
        }
        status.set(JobsStatus.LOADING);
        LiveList<Job> list = new LiveList<>(services.fxThread());
        list.items().addListener((ListChangeListener<Job>) change -> {
            if (list == jobs) {
                sync(list.items());
            }
        });
        list.loadedProperty().addListener((obs, was, loaded) -> {
            if (loaded && list == jobs) {
                status.set(JobsStatus.READY);
            }
        });
        list.problemProperty().addListener((obs, old, now) -> {
            if (list == jobs) {
                problem.set(now.isEmpty() ? "" : "Could not list the jobs: " + now);
            }
        });
        Filter recent = Filter.ALL.sort("StartTime").reverse().limit(RECENT_JOBS);
        LiveObjects<Job> objects = new LiveObjects<>(client, DrpType.JOBS, recent, job -> true, services.io());
        jobs = list;
        live = objects;
        liveStarted = CompletableFuture.runAsync(() -> objects.start(list), services.io());
    }

    private void closeLive() {
        if (live != null) {
            LiveObjects<Job> closing = live;
            // After its start (done or failed), so a start still on its way cannot subscribe after the close.
            liveStarted.whenCompleteAsync((done, failed) -> closing.close(), services.io());
            live = null;
            jobs = null;
        }
    }

    /** Mirrors the live list into rows: updated in place, new ones added, gone ones dropped. */
    private void sync(List<Job> listed) {
        Instant now = clock.instant();
        Map<String, JobRow> byUuid = new HashMap<>();
        rows.forEach(row -> byUuid.put(row.uuid(), row));
        Set<String> present = new HashSet<>();
        List<JobRow> added = new ArrayList<>();
        for (Job job : listed) {
            present.add(job.uuid());
            JobRow row = byUuid.get(job.uuid());
            if (row != null) {
                row.update(job, now);
            } else {
                row = new JobRow(job, now);
                row.setMachine(machineNames.label(job.machine()));
                added.add(row);
            }
        }
        if (byUuid.size() + added.size() != present.size()) {
            rows.removeIf(row -> !present.contains(row.uuid()));
        }
        rows.addAll(added);
        updateChoices();
    }

    private void updateChoices() {
        setIfChanged(machineChoices, job -> job.machine());
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

    private void tick() {
        if (!started) {
            return;
        }
        Instant now = clock.instant();
        rows.stream().filter(row -> row.job().isRunning()).forEach(row -> row.tick(now));
        if (timeFilter.get() != TimeWindow.ALL) {
            refilter();
        }
    }

    private void refilter() {
        String state = stateFilter.get();
        String machine = machineFilter.get();
        String task = taskFilter.get();
        String context = contextFilter.get();
        TimeWindow window = timeFilter.get();
        Instant now = clock.instant();
        String[] words = textFilter.get().toLowerCase(Locale.ROOT).trim().split("\\s+");
        visible.setPredicate(row -> {
            Job job = row.job();
            return (state.isEmpty() || state.equals(job.state()))
                    && (machine.isEmpty() || machine.equals(job.machine()))
                    && (task.isEmpty() || task.equals(job.task()))
                    && (context.isEmpty() || context.equals(job.context().isEmpty() ? OWN_AGENT : job.context()))
                    && window.includes(job.startTime().orElse(null), now)
                    && matches(row, words);
        });
    }

    private static boolean matches(JobRow row, String[] words) {
        Job job = row.job();
        String text = String.join(" ", job.task(), row.machineProperty().get(), job.stage(), job.context(),
                job.state(), job.exitState(), job.uuid()).toLowerCase(Locale.ROOT);
        for (String word : words) {
            if (!text.contains(word)) {
                return false;
            }
        }
        return true;
    }

    private void selectionChanged(JobRow old, JobRow now) {
        if (old != null) {
            old.jobProperty().removeListener(selectedJobChanged);
        }
        closeFollower();
        logSink.clear();
        if (now != null) {
            now.jobProperty().addListener(selectedJobChanged);
            if (started) {
                followLog(now);
            }
        }
    }

    private void followLog(JobRow row) {
        DrpClient client = services.client().get();
        if (client == null) {
            return;
        }
        follower = new JobLogFollower(client, row.uuid(), services.io(), logSink,
                message -> services.fxThread().execute(() -> problem.set(message)));
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
