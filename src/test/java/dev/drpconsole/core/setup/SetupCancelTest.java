package dev.drpconsole.core.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drpconsole.core.drp.ContentSummary;
import dev.drpconsole.core.drp.DrpApiException;
import dev.drpconsole.core.drp.DrpObject;
import dev.drpconsole.core.drp.DrpType;
import dev.drpconsole.core.drp.Filter;
import dev.drpconsole.core.engine.BuildProgressListener;
import dev.drpconsole.core.engine.ContainerQuery;
import dev.drpconsole.core.engine.ContainerSummary;
import dev.drpconsole.core.engine.EngineObjectNotFoundException;
import dev.drpconsole.core.engine.ImageBuildRequest;
import dev.drpconsole.core.engine.RunnerContainerName;
import dev.drpconsole.testsupport.TestEnv;
import dev.drpconsole.testsupport.TestLabels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user cancels the setup while each step is at work, then cleans up: the step stops promptly and the clean-up
 * leaves nothing of the wizard's behind, neither in DRP (contexts, machines, files, content packs) nor on the engine
 * (runner containers, the image's tag). All real: the sandbox with docker-context runners on the provisioned
 * engine, the real drpcli in the image. Cancelling is done as the UI does it: {@code Future.cancel(true)} on the
 * task that runs the steps, from another thread, at a moment the step itself reports (or, for the runner, once its
 * container exists), so the cancel provably lands inside the step.
 */
@Tag("engine")
@Tag("sandbox")
class SetupCancelTest {
    private static final String TAG = "drpconsole-test/setup-cancel:" + TestLabels.runId();
    private static final String PREFIX = "cancel";

    @TempDir
    static Path work;
    static SetupSandbox sandbox;
    static ExecutorService io;

    @BeforeAll
    static void start() throws Exception {
        sandbox = SetupSandbox.start(work.resolve("data"));
        io = Executors.newCachedThreadPool();
    }

    /** A test that failed half-way must not leave its objects to the next one. */
    @AfterEach
    void cleanUpAfterAFailure() throws Exception {
        Run run = Run.last;
        Run.last = null;
        if (run != null && !run.journal.created().isEmpty()) {
            run.task.cancel(true);
            run.ended.get(30, TimeUnit.SECONDS);
            run.journal.cleanUp(sandbox.targets);
        }
    }

    @AfterAll
    static void stop() {
        io.shutdownNow();
        sandbox.close();
    }

    @Test
    void cancelDuringPreflightStopsBeforeTheNextCheck() throws Exception {
        Snapshot before = Snapshot.take();
        Run run = new Run(SetupSandbox.choices(TAG, PREFIX),
                (step, kind, text) -> "output".equals(kind) && text.startsWith("✓ DRP answers"));
        run.cancelWhenReached(() -> true);

        run.assertStoppedIn(PreflightStep.ID, 5);
        assertEquals(1, run.lines.stream().filter(line -> line.startsWith(PreflightStep.ID + " output")).count(),
                "no check after the cancel: " + run.lines);
        assertCleanedUp(run, before);
    }

    @Test
    void cancelDuringTheBuildStopsTheEngineBuildAndLeavesNoImage() throws Exception {
        Snapshot before = Snapshot.take();
        // The label reaches the RUN step's container, so the test can see the engine stop it.
        SetupChoices slow = withDockerfile(SetupSandbox.choices(TAG, PREFIX), SetupSandbox.choices(TAG, PREFIX)
                .dockerfile() + "LABEL " + TestLabels.KEY + "=" + TestLabels.runId() + "\nRUN sleep 60\n");
        Run run = new Run(slow, (step, kind, text) -> "status".equals(kind) && text.contains("RUN sleep 60"));
        run.cancelWhenReached(() -> !buildContainers().isEmpty());

        run.assertStoppedIn(BuildImageStep.ID, 5);
        long deadline = System.currentTimeMillis() + 10_000;
        while (!buildContainers().isEmpty()) {
            assertTrue(System.currentTimeMillis() < deadline, "the engine still runs the build: "
                    + buildContainers());
            Thread.sleep(100);
        }
        assertTrue(run.journal.created().contains(new CreatedObject(CreatedKind.IMAGE, TAG, BuildImageStep.ID)));
        assertCleanedUp(run, before);
    }

    @Test
    void cancelDuringTheUploadStopsItAndLeavesNoFile() throws Exception {
        Snapshot before = Snapshot.take();
        Run run = new Run(SetupSandbox.choices(TAG, PREFIX),
                (step, kind, text) -> PublishImageStep.ID.equals(step) && "fraction".equals(kind)
                        && Double.parseDouble(text) > 0 && Double.parseDouble(text) < 0.5);
        run.cancelWhenReached(() -> true);

        run.assertStoppedIn(PublishImageStep.ID, 5);
        assertTrue(run.journal.created().stream().anyMatch(object -> object.kind() == CreatedKind.FILE));
        assertCleanedUp(run, before);
    }

    @Test
    void cancelWhileTheContextIsCreatedLeavesNoContext() throws Exception {
        Snapshot before = Snapshot.take();
        Run run = new Run(SetupSandbox.choices(TAG, PREFIX),
                (step, kind, text) -> "status".equals(kind) && text.startsWith("Creating the context"));
        run.cancelWhenReached(() -> true);

        run.assertStoppedIn(ContextStep.ID, 5);
        assertTrue(run.journal.created().stream().anyMatch(object -> object.kind() == CreatedKind.CONTEXT));
        assertCleanedUp(run, before);
    }

    @Test
    void cancelWhileWaitingForTheRunnerContainerRemovesMachineAndContainer() throws Exception {
        Snapshot before = Snapshot.take();
        Run run = new Run(SetupSandbox.choices(TAG, PREFIX),
                (step, kind, text) -> "status".equals(kind) && text.startsWith("Waiting for drp-runner-"));
        run.cancelWhenReached(() -> run.runnerContainers().size() == 1);

        run.assertStoppedIn(RunnerMachineStep.ID, 5);
        assertCleanedUp(run, before);
    }

    @Test
    void cancelWhileFollowingTheTestJobRemovesEverything() throws Exception {
        Snapshot before = Snapshot.take();
        Run run = new Run(SetupSandbox.choices(TAG, PREFIX),
                (step, kind, text) -> TestJobStep.ID.equals(step) && "output".equals(kind)
                        && text.contains("context-demo: machine"));
        run.cancelWhenReached(() -> true);

        run.assertStoppedIn(TestJobStep.ID, 5);
        assertTrue(run.journal.created().stream().anyMatch(object -> object.kind() == CreatedKind.CONTENT_PACK));
        assertEquals(2, run.runnerContainers().size(), "the runner's and the test machine's containers ran");
        assertCleanedUp(run, before);
    }

    @Test
    void cleanUpPointsATagTheBuildMovedBackAtTheImageItNamedBefore() throws Exception {
        String tag = "drpconsole-test/setup-existing:" + TestLabels.runId();
        Path directory = Files.createDirectories(work.resolve("existing-image"));
        Files.writeString(directory.resolve("Dockerfile"), "FROM " + TestEnv.get().baseImage() + "\n");
        String usersImage = sandbox.engine.images().build(new ImageBuildRequest(directory, Set.of(tag),
                TestLabels.forThisRun(), false), BuildProgressListener.ignoring());
        SetupJournal journal = SetupJournal.load(Files.createTempDirectory(work, "journal"));
        StepContext context = new StepContext(sandbox.targets, SetupSandbox.choices(tag, "existing"), journal,
                Files.createTempDirectory(work, "step-work"));

        new BuildImageStep().run(context, StepProgress.NONE);
        String wizardsImage = sandbox.engine.images().idOf(tag).orElseThrow();
        assertNotEquals(usersImage, wizardsImage, "the build moved the tag to the wizard's image");
        assertEquals(List.of(new CreatedObject(CreatedKind.IMAGE, tag, BuildImageStep.ID, usersImage)),
                journal.created(), "the tag is recorded with the image it named");
        journal.cleanUp(sandbox.targets);

        assertEquals(Optional.of(usersImage), sandbox.engine.images().idOf(tag), "the tag names the user's image");
        assertFalse(sandbox.engine.images().exists(wizardsImage), "the wizard's image is gone");
        sandbox.engine.images().remove(tag, true);
    }

    /** The containers of RUN steps of this run's builds. */
    private static List<String> buildContainers() {
        return sandbox.engine.containers().list(new ContainerQuery(true, TestLabels.forThisRun())).stream()
                .map(ContainerSummary::name).filter(name -> !name.startsWith(RunnerContainerName.PREFIX)).toList();
    }

    private static SetupChoices withDockerfile(SetupChoices c, String dockerfile) {
        return new SetupChoices(c.drpcli(), c.baseImage(), c.packages(), dockerfile, c.imageTag(), c.contextName(),
                c.contextDescription(), c.replaceContext(), c.runnerName(), c.testMachineName());
    }

    /** Clean-up removes what the journal holds; then DRP and the engine are as they were before the run. */
    private static void assertCleanedUp(Run run, Snapshot before) {
        List<String> machines = run.journal.created().stream().filter(object -> object.kind() == CreatedKind.MACHINE)
                .map(CreatedObject::key).toList();
        run.journal.cleanUp(sandbox.targets);

        assertEquals(List.of(), run.journal.created());
        assertEquals(before, Snapshot.take(), "DRP holds nothing of the wizard's");
        for (String uuid : machines) {
            String container = RunnerContainerName.forMachine(UUID.fromString(uuid));
            try {
                sandbox.engine.containers().inspect(container);
                throw new AssertionError(container + " is still on the engine");
            } catch (EngineObjectNotFoundException gone) {
                // What clean-up promises.
            }
        }
        assertEquals(List.of(), run.runnerContainers(), "no runner container is left");
        assertFalse(sandbox.engine.images().exists(TAG), "the wizard's image tag is gone");
    }

    /** What the sandbox holds of the kinds the wizard creates. */
    private record Snapshot(Set<String> contexts, Set<String> machines, Set<String> contents, Set<String> files) {
        static Snapshot take() {
            return new Snapshot(keys(DrpType.CONTEXTS), keys(DrpType.MACHINES),
                    sandbox.client.contents().stream().map(ContentSummary::name).collect(Collectors.toCollection(
                            TreeSet::new)), files(ContextImageLayout.V4_7_DIRECTORY));
        }

        private static Set<String> keys(DrpType<? extends DrpObject> type) {
            return sandbox.client.list(type, Filter.ALL).stream().map(DrpObject::key)
                    .collect(Collectors.toCollection(TreeSet::new));
        }

        private static Set<String> files(String directory) {
            try {
                return new TreeSet<>(sandbox.client.listFiles("/" + directory));
            } catch (DrpApiException e) {
                if (e.code() == 404) {
                    return Set.of();
                }
                throw e;
            }
        }
    }

    /** Which progress report is the moment to cancel at. */
    @FunctionalInterface
    private interface Moment {
        boolean is(String step, String kind, String text);
    }

    /**
     * One run of the plan from a fresh journal on the I/O pool, as the UI's view model runs it. When the step
     * reports the chosen moment, the reporting thread waits there until the test has cancelled, so the cancel
     * lands at that point of the step and not after it moved on.
     */
    private static final class Run {
        static Run last;
        final SetupJournal journal;
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());
        private final CountDownLatch reached = new CountDownLatch(1);
        private final CountDownLatch cancelled = new CountDownLatch(1);
        private final CompletableFuture<Throwable> ended = new CompletableFuture<>();
        private final FutureTask<Void> task;
        private volatile String running = "";
        private volatile String stoppedIn = "";
        private long cancelledAt;

        Run(SetupChoices choices, Moment moment) throws Exception {
            journal = SetupJournal.load(Files.createTempDirectory(work, "journal"));
            StepContext context = new StepContext(sandbox.targets, choices, journal,
                    Files.createTempDirectory(work, "step-work"));
            StepProgress progress = new StepProgress() {
                @Override
                public void status(String text) {
                    report("status", text);
                }

                @Override
                public void fraction(double done) {
                    report("fraction", Double.toString(done));
                }

                @Override
                public void output(String text) {
                    report("output", text);
                }

                private void report(String kind, String text) {
                    if (!"fraction".equals(kind)) {
                        lines.add(running + " " + kind + ": " + text);
                    }
                    if (reached.getCount() > 0 && moment.is(running, kind, text)) {
                        reached.countDown();
                        try {
                            cancelled.await(60, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt(); // the cancel: the step sees it next
                        }
                    }
                }
            };
            task = new FutureTask<>(() -> {
                runSteps(context, progress);
                return null;
            });
            io.execute(task);
            last = this;
        }

        private void runSteps(StepContext context, StepProgress progress) {
            try {
                for (SetupStep step : SetupSandbox.uploadingPlan().steps()) {
                    running = step.id();
                    step.run(context, progress);
                    journal.markDone(step.id());
                }
                ended.complete(null);
            } catch (Throwable failure) {
                stoppedIn = running;
                ended.complete(failure);
            }
        }

        /** Waits for the moment (and then for {@code also}), then cancels as the UI does. */
        void cancelWhenReached(BooleanSupplier also) throws Exception {
            long deadline = System.currentTimeMillis() + 120_000;
            while (!reached.await(100, TimeUnit.MILLISECONDS)) {
                if (ended.isDone()) {
                    throw new AssertionError("The plan ended before the moment to cancel: " + ended.get() + " "
                            + lines);
                }
                assertTrue(System.currentTimeMillis() < deadline, "the moment to cancel never came: " + lines);
            }
            while (!also.getAsBoolean()) {
                assertTrue(System.currentTimeMillis() < deadline, "the step never got that far: " + lines);
                Thread.sleep(100);
            }
            cancelledAt = System.nanoTime();
            task.cancel(true);
            cancelled.countDown();
        }

        /** The plan ended by the cancel, in that step, within {@code seconds} of it. */
        void assertStoppedIn(String step, int seconds) throws Exception {
            Throwable outcome = ended.get(seconds, TimeUnit.SECONDS);
            long tookMs = (System.nanoTime() - cancelledAt) / 1_000_000;
            assertInstanceOf(InterruptedException.class, outcome, "ended by the cancel: " + lines);
            assertEquals(step, stoppedIn, "cancelled inside the step");
            assertTrue(tookMs < seconds * 1000L, "stopped " + tookMs + " ms after the cancel");
            System.out.println("Cancel during " + step + ": stopped " + tookMs + " ms after it");
        }

        /** The runner containers this test run's sandbox has on the engine, running or not. */
        List<String> runnerContainers() {
            return sandbox.engine.containers().list(new ContainerQuery(true, TestLabels.forThisRun())).stream()
                    .map(ContainerSummary::name).filter(name -> name.startsWith(RunnerContainerName.PREFIX))
                    .toList();
        }
    }
}
