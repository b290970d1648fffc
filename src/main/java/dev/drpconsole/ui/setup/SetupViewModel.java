package dev.drpconsole.ui.setup;

import dev.drpconsole.core.connection.EndpointProfile;
import dev.drpconsole.core.concurrent.BackgroundTask;
import dev.drpconsole.core.concurrent.TaskHandle;
import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.drp.DrpContext;
import dev.drpconsole.core.drp.DrpException;
import dev.drpconsole.core.drp.DrpNames;
import dev.drpconsole.core.drp.DrpType;
import dev.drpconsole.core.engine.ImageReference;
import dev.drpconsole.core.setup.ByHandScript;
import dev.drpconsole.core.setup.BuildProblem;
import dev.drpconsole.core.setup.ContextDiffersProblem;
import dev.drpconsole.core.setup.ContextImageLayout;
import dev.drpconsole.core.setup.ContextStep;
import dev.drpconsole.core.setup.CreatedObject;
import dev.drpconsole.core.setup.DrpcliSource;
import dev.drpconsole.core.setup.PreflightStep;
import dev.drpconsole.core.setup.PublishImageStep;
import dev.drpconsole.core.setup.RunnerDockerfile;
import dev.drpconsole.core.setup.SetupChoices;
import dev.drpconsole.core.setup.SetupJournal;
import dev.drpconsole.core.setup.SetupPlan;
import dev.drpconsole.core.setup.SetupChoiceRules;
import dev.drpconsole.core.setup.SetupProblem;
import dev.drpconsole.core.setup.SetupRunner;
import dev.drpconsole.core.setup.SetupStep;
import dev.drpconsole.core.setup.SetupTargets;
import dev.drpconsole.core.setup.StepContext;
import dev.drpconsole.core.setup.StepProgress;
import dev.drpconsole.ui.common.ViewServices;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableObjectValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The setup wizard's state and commands, no scene graph: the pages and which one is shown, the choices the forms
 * edit, each step's state, and running steps one after another on the I/O executor. The journal in the settings
 * directory keeps the choices, what finished and what was created, so the wizard continues where an earlier run
 * stopped (after a failure, a cancel or a crash). Properties change on the FX thread only.
 *
 * <p>Longer than the house's ~400 lines on purpose: it is the one state of a nine-page wizard (the choices every page
 * binds to, each page's problem and status, navigation, running, cancelling and cleaning up). The parts that stand
 * alone live beside it: the run loop in core ({@code SetupRunner}), the base image ({@link BaseImageChoice}), the
 * preflight fixes ({@link PreflightFixes}), the script by hand ({@code ByHandScript}) and each page ({@link PageView}).
 */
public final class SetupViewModel {
    /** How long a step waits for a lost endpoint to come back before it gives up. */

    private final ViewServices services;
    private final SetupPlan plan = SetupPlan.standard();
    private final List<WizardPage> pages = WizardPage.of(plan);
    private final SetupJournal journal;
    private final Path workDir;
    private final Map<String, String> labels;

    final StringProperty drpcli = new SimpleStringProperty(DrpcliSource.onPath(null).map(Path::toString).orElse(""));
    final StringProperty baseImage = new SimpleStringProperty("");
    final StringProperty packages = new SimpleStringProperty(SetupChoices.DEFAULT_PACKAGES);
    final StringProperty dockerfile = new SimpleStringProperty("");
    final StringProperty imageTag = new SimpleStringProperty(SetupChoices.DEFAULT_TAG);
    final StringProperty contextName = new SimpleStringProperty(SetupChoices.DEFAULT_CONTEXT);
    final StringProperty contextDescription = new SimpleStringProperty(
            SetupChoices.DEFAULT_DESCRIPTION);
    final StringProperty runnerName = new SimpleStringProperty(SetupChoices.DEFAULT_RUNNER);
    final StringProperty testMachineName = new SimpleStringProperty(SetupChoices.DEFAULT_TEST_MACHINE);
    final BooleanProperty replaceContext = new SimpleBooleanProperty(false);
    final BooleanProperty keepOnEngine = new SimpleBooleanProperty(false);

    /** The base image picked from the engine's local images, and the Dockerfile written for it. */
    final BaseImageChoice image;
    /** One per plan step. */
    final ObservableList<StepState> states = FXCollections.observableArrayList();
    /** The page shown. */
    final IntegerProperty current = new SimpleIntegerProperty(0);
    /** The status line of the page shown (a step running on another page is named in it). */
    final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    /** The problem of the page shown, "" when none: each page keeps its own until it runs again or is dismissed. */
    final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    /** Each page's last problem and status, by page id; FX thread only. */
    private final Map<String, String> problems = new HashMap<>();
    private final Map<String, String> statuses = new HashMap<>();
    /** The page of the step running now, null while none runs; FX thread only. */
    private String runningPage;
    /** The user signed in to the endpoint, for the commands by hand. */
    final StringProperty endpointUser = new SimpleStringProperty(EndpointProfile.DEFAULT_USERNAME);
    /** The failing Dockerfile line of the last build, 0 when none. */
    final IntegerProperty failedLine = new SimpleIntegerProperty(0);
    /** A context of our name with other settings, shown side by side with ours; null when none. */
    final ObjectProperty<DrpContext> conflictingContext = new SimpleObjectProperty<>();
    final ObjectProperty<Double> progress = new SimpleObjectProperty<>(0.0);
    final BooleanProperty running = new SimpleBooleanProperty(false);
    /** Lines of the preflight checks, "✓ …" or "✗ … Fix: …". */
    final ObservableList<String> checks = FXCollections.observableArrayList();
    /** Bumped when the journal's list of created objects changes, for the summary. */
    final IntegerProperty journalChanges = new SimpleIntegerProperty();
    /** What the Preflight page offers to fix a failed check. */
    final PreflightFixes fixes;
    volatile Consumer<String> output = line -> { };
    /** The run of steps in progress (or the last one); Cancel interrupts it. */
    private volatile TaskHandle currentRun = TaskHandle.NONE;

    public SetupViewModel(ViewServices services, Path settingsDir, Map<String, String> labels) {
        this.services = services;
        this.journal = SetupJournal.load(settingsDir);
        this.workDir = settingsDir.resolve("setup-work");
        this.labels = labels;
        this.fixes = new PreflightFixes(this, services, workDir);
        this.image = new BaseImageChoice(this, services, labels);
        plan.steps().forEach(step -> states.add(journal.isDone(step.id()) ? StepState.DONE : StepState.PENDING));
        // "Replace it" was said of one context: another name asks again.
        contextName.addListener((observable, was, now) -> replaceContext.set(false));
        restoreChoices();
        current.set(firstUnfinishedPage());
        current.addListener((observable, was, now) -> refreshMessages());
        running.addListener((observable, was, now) -> refreshMessages());
    }

    // --- Messages: each page has its own problem and status ---------------------------------------------------

    private String shownPage() {
        return pages.get(current.get()).id();
    }

    /** Sets the problem of a page (FX thread); the banner shows it while that page is shown. */
    void setProblem(String pageId, String text) {
        problems.put(pageId, text);
        refreshMessages();
    }

    /** Sets the status line of a page (FX thread). */
    void setStatus(String pageId, String text) {
        statuses.put(pageId, text);
        refreshMessages();
    }

    /** The problem of the page shown goes (the banner's dismiss button, "Use another name"). */
    void dismissProblem() {
        setProblem(shownPage(), "");
    }

    private void refreshMessages() {
        String shown = shownPage();
        problem.set(problems.getOrDefault(shown, ""));
        String elsewhere = running.get() && runningPage != null && !runningPage.equals(shown)
                ? titleOf(runningPage) + " is running: " + statuses.getOrDefault(runningPage, "") : "";
        status.set(elsewhere.isEmpty() ? statuses.getOrDefault(shown, "") : elsewhere.strip());
    }

    private String titleOf(String pageId) {
        return pages.stream().filter(page -> page.id().equals(pageId)).map(WizardPage::title).findFirst()
                .orElse(pageId);
    }

    List<WizardPage> pages() {
        return pages;
    }

    WizardPage page(int index) {
        return pages.get(index);
    }

    /** The state of a page's step; pages without a step are PENDING. */
    StepState stateOf(WizardPage page) {
        return page.step().map(step -> states.get(plan.steps().indexOf(step))).orElse(StepState.PENDING);
    }

    boolean isDone(String stepId) {
        return journal.isDone(stepId);
    }

    boolean allDone() {
        return states.stream().allMatch(state -> state == StepState.DONE);
    }

    /** Where step output goes (the view's log, thread-safe). */
    void setOutput(Consumer<String> sink) {
        output = sink;
    }

    boolean connected() {
        return services.client().get() != null;
    }

    String currentUrl() {
        return connected() ? services.client().get().url() : "";
    }

    ObservableObjectValue<DrpClient> clientProperty() {
        return services.client();
    }

    /** Where a first visit opens: the endpoint while none is connected, else the first page not done. */
    private int firstUnfinishedPage() {
        if (states.stream().noneMatch(state -> state == StepState.DONE)) {
            return 0;
        }
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).step().isPresent() && stateOf(pages.get(i)) != StepState.DONE) {
                return i;
            }
        }
        return pages.size() - 1;
    }

    void back() {
        if (current.get() > 0) {
            current.set(current.get() - 1);
        }
    }

    void next() {
        if (current.get() < pages.size() - 1) {
            current.set(current.get() + 1);
        }
    }

    void show(String pageId) {
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).id().equals(pageId)) {
                current.set(i);
            }
        }
    }

    /** Why the runner image form cannot go on yet; empty when it can. */
    String imageFormProblem() {
        if (baseImage.get().isBlank()) {
            return "Pick a base image.";
        }
        if (dockerfile.get().isBlank()) {
            return "The Dockerfile is empty: pick the base image again to fill it in.";
        }
        if (!dockerfile.get().contains(RunnerDockerfile.DRPCLI_FILE)) {
            return "The Dockerfile must copy " + RunnerDockerfile.DRPCLI_FILE + " into the image: the runner needs it.";
        }
        return imageTagProblem();
    }

    List<String> packageList() {
        return Arrays.stream(packages.get().trim().split("\\s+")).filter(word -> !word.isEmpty()).toList();
    }

    SetupChoices choices() {
        return new SetupChoices(Path.of(drpcli.get()), baseImage.get(), packageList(), dockerfile.get(),
                imageTag.get(), contextName.get(), contextDescription.get(), replaceContext.get(), runnerName.get(),
                testMachineName.get(), keepOnEngine.get());
    }

    /** The JSON the context step will send. */
    String contextJson() {
        return ContextStep.wanted(choices()).prettyJson();
    }

    /** The whole plan by hand, a script to save and run. */
    String allCommands() {
        return ByHandScript.whole(plan, choices(), byHandUrl(), endpointUser.get());
    }

    /** One step's commands, runnable when pasted into bash on their own: drpcli is pointed at the endpoint first. */
    String commandsOf(SetupStep step) {
        return ByHandScript.step(step, choices(), byHandUrl(), endpointUser.get());
    }

    private String byHandUrl() {
        return connected() ? currentUrl() : "https://127.0.0.1:8092";
    }

    // --- Names: DRP's rule (DrpNames), checked as the user types and before any step runs ---------------------

    /** What is wrong with the image tag, "" when the engine takes it. */
    String imageTagProblem() {
        return ImageReference.problem(imageTag.get());
    }

    String contextNameProblem() {
        return DrpNames.contextNameProblem(contextName.get());
    }

    String runnerNameProblem() {
        return DrpNames.machineNameProblem(runnerName.get());
    }

    /** DRP's rule, and a name of its own: DRP keeps machine names unique, so the runner's would be refused. */
    String testMachineNameProblem() {
        return SetupChoiceRules.testMachineNameProblem(choices());
    }

    /** What is wrong with the names and the tag a step sends, "" when nothing: a step never runs with a bad one. */
    String nameProblemOf(SetupStep step) {
        return step.choiceProblems(choices()).stream().findFirst().orElse("");
    }

    /** The first step of {@code fromStep..lastStep} not done yet whose names are wrong, and what is wrong. */
    private Optional<Map.Entry<SetupStep, String>> badNames(int lastStep) {
        for (int i = 0; i <= lastStep; i++) {
            SetupStep step = plan.steps().get(i);
            String wrong = nameProblemOf(step);
            if (!journal.isDone(step.id()) && !wrong.isEmpty()) {
                return Optional.of(Map.entry(step, wrong));
            }
        }
        return Optional.empty();
    }

    /** The inputs every name check reads, for bindings. */
    javafx.beans.Observable[] nameInputs() {
        return new javafx.beans.Observable[] {imageTag, contextName, runnerName, testMachineName, states};
    }

    // --- Why the buttons are greyed ---------------------------------------------------------------------------

    /** Why Run all remaining is greyed, "" when it is not (or when everything is done). */
    String runAllBlockedReason() {
        if (allDone()) {
            return "";
        }
        if (!connected()) {
            return "Connect to an endpoint first (step 1).";
        }
        if (!imageFormProblem().isEmpty()) {
            return "Runner image (step 3): " + imageFormProblem();
        }
        return badNames(plan.steps().size() - 1)
                .map(bad -> bad.getKey().title() + ": " + bad.getValue()).orElse("");
    }

    /** What "Run all remaining" will do, step by step, for the confirmation; nothing for steps already done. */
    List<String> plannedWork() {
        SetupChoices choices = choices();
        return plan.steps().stream().filter(step -> !journal.isDone(step.id()))
                .map(step -> step.plannedWork(choices)).toList();
    }

    /** Runs the step of the page shown (and any earlier step not done yet); on success the page stays. */
    void runCurrent() {
        pages.get(current.get()).step().ifPresent(step -> run(plan.steps().indexOf(step), false));
    }

    /** Runs every step not done yet, in order, to the summary; stops at the first that fails. */
    void runRemaining() {
        run(plan.steps().size() - 1, true);
    }

    /** The user chose to replace the existing context of that name with the wizard's settings. */
    void replaceConflictingContext() {
        replaceContext.set(true);
        conflictingContext.set(null);
        runCurrent();
    }

    private void run(int lastStep, boolean toSummary) {
        DrpClient client = services.client().get();
        if (running.get()) {
            return;
        }
        if (client == null) {
            setProblem(WizardPage.ENDPOINT, "Not connected: choose an endpoint first.");
            show(WizardPage.ENDPOINT);
            return;
        }
        Optional<Map.Entry<SetupStep, String>> badNames = badNames(lastStep);
        if (badNames.isPresent()) {
            SetupStep step = badNames.get().getKey();
            setProblem(step.id(), step.title() + " was not run: " + badNames.get().getValue());
            show(step.id());
            return;
        }
        SetupChoices choices = choices();
        String startedOn = shownPage();
        setProblem(startedOn, "");
        failedLine.set(0);
        conflictingContext.set(null);
        running.set(true);
        // The run reports as it goes through its listener; the task is what Cancel interrupts.
        currentRun = BackgroundTask.wrap(() -> {
            journal.saveChoices(choices); // a file write: off the FX thread, with the run
            targets(client, startedOn).ifPresentOrElse(
                    targets -> runSteps(new StepContext(targets, choices, journal, workDir), lastStep, toSummary),
                    () -> onFx(() -> running.set(false)));
        }).executeWith(services.tasks());
    }

    /** The endpoint and the engine, found on a background thread; empty (and said) when no engine answers. */
    private Optional<SetupTargets> targets(DrpClient client, String pageId) {
        try {
            return Optional.of(targetsOn(client));
        } catch (RuntimeException e) {
            onFx(() -> {
                setProblem(pageId, "No container engine to work with: " + e.getMessage() + " Start Docker or Podman,"
                        + " then try again.");
                setStatus(pageId, "");
            });
            return Optional.empty();
        }
    }

    private void runSteps(StepContext context, int lastStep, boolean toSummary) {
        try {
            // Read when a step fails, not now: the handle is stored just after the task starts.
            boolean finished = new SetupRunner(plan, SetupRunner.ENDPOINT_PATIENCE_MS, () -> currentRun.isCancelled())
                    .runThrough(context, lastStep, new WizardListener(context, ""));
            if (finished) {
                onFx(() -> {
                    String done = allDone() ? "Setup finished: the runner works."
                            : plan.steps().get(lastStep).title() + ": done. Next › goes on.";
                    setStatus(plan.steps().get(lastStep).id(), done);
                    setStatus(WizardPage.SUMMARY, done);
                    if (toSummary) {
                        show(WizardPage.SUMMARY);
                    }
                });
            }
        } catch (InterruptedException e) {
            onFx(() -> {
                String page = runningPage == null ? shownPage() : runningPage;
                setProblem(page, "Cancelled. Continue to go on where it stopped, or Clean up to remove what the"
                        + " wizard created.");
                setStatus(page, "");
                states.replaceAll(state -> state == StepState.RUNNING ? StepState.FAILED : state);
            });
        } catch (UncheckedIOException e) {
            onFx(() -> setProblem(shownPage(), "Cannot write the wizard's work directory " + workDir + ": "
                    + e.getCause().getMessage()));
        } finally {
            onFx(() -> {
                runningPage = null;
                running.set(false);
            });
        }
    }

    /** Shows the core run loop's progress on the wizard's pages; called on the running thread. */
    private final class WizardListener implements SetupRunner.Listener {
        private final StepContext context;
        private volatile String stepId;

        WizardListener(StepContext context, String stepId) {
            this.context = context;
            this.stepId = stepId;
        }

        @Override
        public void stepStarted(int index, SetupStep step) {
            stepId = step.id();
            onFx(() -> {
                states.set(index, StepState.RUNNING);
                runningPage = step.id();
                setProblem(step.id(), "");
                show(step.id());
                setStatus(step.id(), step.willDo(context.choices()));
                progress.set(-1.0);
                if (index == 0) {
                    checks.clear();
                }
            });
            output.accept("== " + step.title());
        }

        @Override
        public void stepDone(int index, SetupStep step) {
            onFx(() -> {
                states.set(index, StepState.DONE);
                progress.set(1.0);
                journalChanges.set(journalChanges.get() + 1);
            });
        }

        @Override
        public void stepFailed(int index, SetupStep step, RuntimeException failure) {
            onFx(() -> {
                states.set(index, StepState.FAILED);
                journalChanges.set(journalChanges.get() + 1);
            });
            fail(context, step, failure);
        }

        @Override
        public void endpointLost(String url) {
            String page = stepId;
            onFx(() -> setStatus(page, "Lost the endpoint at " + url + ". Waiting for it to come back; the step"
                    + " continues then (Cancel to stop)."));
        }

        @Override
        public void status(String text) {
            String page = stepId;
            onFx(() -> setStatus(page, text));
        }

        @Override
        public void fraction(double done) {
            onFx(() -> progress.set(done));
        }

        @Override
        public void output(String text) {
            output.accept(text);
            if (stepId.equals(PreflightStep.ID)) {
                onFx(() -> checks.add(text));
            }
        }
    }

    private void fail(StepContext context, SetupStep step, RuntimeException e) {
        String text = SetupRunner.problemText(step, e);
        int line = e instanceof BuildProblem build ? build.line() : 0;
        Optional<DrpContext> theirs = Optional.empty();
        if (e instanceof ContextDiffersProblem) {
            try {
                theirs = context.targets().client().get(DrpType.CONTEXTS, context.choices().contextName());
            } catch (DrpException unreadable) {
                // The message still lists the differences.
            }
        }
        Optional<DrpContext> conflict = theirs;
        onFx(() -> {
            setProblem(step.id(), text);
            setStatus(step.id(), "");
            failedLine.set(line);
            conflictingContext.set(conflict.orElse(null));
        });
    }

    /** How a fix offered on a page (download drpcli, upload the provider) reports: as that page's step would. */
    StepProgress progressOf(String stepId) {
        return new WizardListener(null, stepId);
    }

    /**
     * Tells (on the FX thread) where the endpoint's docker-context plugin looks for image tars and why the wizard
     * thinks so (the publish step decides the same way); the v4.7 layout while no endpoint is signed in.
     */
    void imageLayout(Consumer<ContextImageLayout> answer) {
        DrpClient client = services.client().get();
        BackgroundTask.wrap(() -> client == null
                        ? new ContextImageLayout(ContextImageLayout.V4_7_DIRECTORY, false, "no endpoint is signed in")
                        : ContextImageLayout.of(client))
                .onSuccess(answer)
                .executeWith(services.tasks());
    }

    /**
     * Tells (on the FX thread) the image's ID when the runner engine already holds the very image built here (no
     * upload needed), else empty.
     */
    void imageOnRunnerEngine(Consumer<Optional<String>> answer) {
        DrpClient client = services.client().get();
        String tag = imageTag.get();
        BackgroundTask.wrap(() -> client == null ? Optional.<String>empty()
                        : PublishImageStep.sameImageOnRunnerEngine(targetsOn(client), tag))
                .onSuccess(answer)
                .onFailure(engineUnknown -> answer.accept(Optional.empty()))
                .executeWith(services.tasks());
    }

    /** Where the wizard works on {@code client}: the build engine, and the runner engine that follows the endpoint. */
    private SetupTargets targetsOn(DrpClient client) {
        return new SetupTargets(client, services.buildEngine().get(), services.runnerEngine()::get, labels);
    }

    /** Stops the running step; what it created so far stays in the journal for clean-up or a re-run. */
    void cancel() {
        currentRun.cancel();
    }

    /** Removes exactly what the wizard created, newest first, and starts the wizard over. */
    void cleanUp() {
        DrpClient client = services.client().get();
        if (running.get()) {
            return;
        }
        if (client == null) {
            setProblem(WizardPage.ENDPOINT, "Not connected: connect to the endpoint the wizard worked on, then clean"
                    + " up.");
            show(WizardPage.ENDPOINT);
            return;
        }
        String page = shownPage();
        running.set(true);
        setProblem(page, "");
        setStatus(page, "Cleaning up…");
        List<CreatedObject> created = journal.created();
        List<String> names = created.stream().map(this::describe).toList();
        BackgroundTask.wrap(() -> targets(client, page).map(targets -> {
                    journal.cleanUp(targets);
                    for (int i = names.size() - 1; i >= 0; i--) {
                        output.accept("Removed " + names.get(i) + ".");
                    }
                    return true;
                }).orElse(false))
                .onSuccess(cleaned -> {
                    if (cleaned) {
                        states.replaceAll(state -> StepState.PENDING);
                        checks.clear();
                        problems.clear();
                        statuses.clear();
                        setStatus(WizardPage.ENDPOINT, created.isEmpty()
                                ? "Nothing to clean up: the wizard had not created anything."
                                : "Cleaned up: removed " + created.size() + " things the wizard created.");
                        show(WizardPage.ENDPOINT);
                    }
                })
                .onFailure(e -> setProblem(page, e instanceof SetupProblem problem
                        ? problem.getMessage() + " " + problem.fix()
                        : "The clean-up stopped: " + e.getMessage() + " Clean up again to go on."))
                .onFinished(() -> {
                    running.set(false);
                    journalChanges.set(journalChanges.get() + 1);
                })
                .executeWith(services.tasks());
    }

    /** What a created object is, by the names the user chose rather than UUIDs ("the runner machine x"). */
    String describe(CreatedObject object) {
        return SetupTargets.describe(object, runnerName.get(), testMachineName.get());
    }

    /** What the wizard created, oldest first. */
    List<CreatedObject> created() {
        return journal.created();
    }

    /** A value a step kept (the runner's UUID, the test job's UUID). */
    Optional<String> value(String key) {
        return journal.value(key);
    }

    /** The choices of an earlier run; a blank one, or a drpcli that is gone, keeps what was found instead. */
    private void restoreChoices() {
        choiceFields().forEach((name, field) -> journal.savedChoice(name)
                .filter(value -> field != drpcli || Files.isRegularFile(Path.of(value))).ifPresent(field::set));
        choiceFlags().forEach((name, flag) -> journal.savedChoice(name).map(Boolean::parseBoolean)
                .ifPresent(flag::set));
    }

    private Map<String, BooleanProperty> choiceFlags() {
        return Map.of("replaceContext", replaceContext, "keepOnEngine", keepOnEngine);
    }

    private Map<String, StringProperty> choiceFields() {
        return Map.of("drpcli", drpcli, "baseImage", baseImage, "packages", packages, "dockerfile", dockerfile,
                "imageTag", imageTag, "contextName", contextName, "contextDescription", contextDescription,
                "runnerName", runnerName, "testMachineName", testMachineName);
    }

    private void onFx(Runnable update) {
        services.fxThread().execute(update);
    }
}
