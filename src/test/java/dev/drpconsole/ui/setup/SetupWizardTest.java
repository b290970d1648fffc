package dev.drpconsole.ui.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.drp.DrpContext;
import dev.drpconsole.core.drp.DrpNames;
import dev.drpconsole.core.drp.DrpType;
import dev.drpconsole.core.drp.Filter;
import dev.drpconsole.core.drp.Job;
import dev.drpconsole.core.drp.Machine;
import dev.drpconsole.core.drp.OkHttpDrpClient;
import dev.drpconsole.core.engine.ContainerQuery;
import dev.drpconsole.core.engine.DockerEngine;
import dev.drpconsole.core.engine.EngineEndpoint;
import dev.drpconsole.core.engine.EngineHandle;
import dev.drpconsole.core.engine.EngineChoice;
import dev.drpconsole.ui.containers.ContainerRow;
import dev.drpconsole.ui.containers.ContainersPage;
import dev.drpconsole.core.engine.RunnerContainerName;
import dev.drpconsole.core.setup.BuildImageStep;
import dev.drpconsole.core.setup.ContextImageLayout;
import dev.drpconsole.core.setup.DrpcliSource;
import dev.drpconsole.core.setup.ContextStep;
import dev.drpconsole.core.setup.PreflightStep;
import dev.drpconsole.core.setup.PublishImageStep;
import dev.drpconsole.core.setup.RunnerMachineStep;
import dev.drpconsole.core.setup.TestJobStep;
import dev.drpconsole.sandbox.SandboxConfig;
import dev.drpconsole.sandbox.SandboxServer;
import dev.drpconsole.core.setup.DemoContentPack;
import dev.drpconsole.testsupport.SandboxAccess;
import dev.drpconsole.testsupport.ShownLog;
import dev.drpconsole.testsupport.TestCleanup;
import dev.drpconsole.testsupport.TestEnv;
import dev.drpconsole.testsupport.TestLabels;
import dev.drpconsole.ui.PageTestSupport;
import dev.drpconsole.ui.common.ViewServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole wizard, headless, as a user runs it: against the in-process sandbox with docker-context runners on
 * the real engine, the image built from the local base image with the real drpcli inside, through the test job
 * whose output appears in the wizard.
 */
@Tag("engine")
@Tag("sandbox")
@Tag("display")
class SetupWizardTest extends FxRobot {
    @TempDir
    static Path work;
    static DockerEngine engine;
    static EngineHandle engineHandle;
    static SandboxServer server;
    static OkHttpDrpClient client;
    static ExecutorService io;
    static Path data;
    static int port;
    final List<String> navigations = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        engine = DockerEngine.open(EngineEndpoint.of(TestEnv.get().dockerHost(), "test"));
        engineHandle = new EngineHandle(() -> DockerEngine.open(EngineEndpoint.of(TestEnv.get().dockerHost(), "test")));
        data = Files.createDirectories(work.resolve("data"));
        server = startSandbox(0);
        port = server.url().getPort();
        client = SandboxAccess.connect(server);
        io = Executors.newCachedThreadPool();
    }

    @AfterAll
    static void stop() {
        io.shutdownNow();
        client.close();
        server.close();
        engineHandle.close();
        TestCleanup.removeEverythingOfThisRun(engine);
        engine.close();
    }

    static SandboxServer startSandbox(int onPort) throws Exception {
        return SandboxServer.start(SandboxConfig.inDataDir(data).withPort(onPort)
                .withRunnerLabel(TestLabels.KEY, TestLabels.runId()), engine);
    }

    /** Whatever a failed test left in the sandbox goes, so the next test starts from an empty endpoint. */
    @AfterEach
    void removeLeftovers() {
        client.list(DrpType.MACHINES, Filter.ALL).forEach(machine -> client.delete(DrpType.MACHINES, machine.uuid()));
        client.list(DrpType.CONTEXTS, Filter.ALL).forEach(context -> client.delete(DrpType.CONTEXTS, context.name()));
        if (client.contents().stream().anyMatch(pack -> pack.name().equals(DemoContentPack.NAME))) {
            client.deleteContent(DemoContentPack.NAME);
        }
    }

    @Test
    void theWholeWizardStepByStepSetsUpARunnerAndRunsTheTestJob() throws Exception {
        SetupPage page = openWizard("whole");
        String tag = tag("whole");
        assertTrue(text("#endpoint-url").startsWith("✓ Connected to " + client.url()), text("#endpoint-url"));
        clickOn("#next");
        assertEquals("Run the checks", button("#next").getText());
        interact(() -> lookup("#drpcli").queryAs(TextField.class).setText(TestEnv.get().drpcli().toString()));
        clickOn("#next");
        awaitDone(PreflightStep.ID, 20);
        assertEquals(4, lookup("#preflight-checks").queryAs(VBox.class).getChildren().size());

        clickOn("#next");
        fillImageForm(tag, null);
        clickOn("#next");
        assertEquals("Build the image", button("#next").getText());
        for (String step : List.of(BuildImageStep.ID, PublishImageStep.ID, ContextStep.ID, RunnerMachineStep.ID,
                TestJobStep.ID)) {
            clickOn("#next");
            awaitDone(step, 90);
            clickOn("#next");
        }

        DrpContext context = client.get(DrpType.CONTEXTS, "runner").orElseThrow();
        assertEquals(DrpContext.DOCKER_CONTEXT, context.engine());
        assertEquals(tag, context.image());
        Machine runner = client.list(DrpType.MACHINES, Filter.where("Name", "context-runner")).get(0);
        assertEquals("runner", runner.baseContext());
        String container = RunnerContainerName.forMachine(UUID.fromString(runner.uuid()));
        assertTrue(engine.containers().inspect(container).running());
        Machine test = client.list(DrpType.MACHINES, Filter.where("Name", "context-test")).get(0);
        Job job = client.list(DrpType.JOBS, Filter.where("Machine", test.uuid()).and("Task", DemoContentPack.TASK))
                .get(0);
        assertEquals("finished", job.state());
        String shown = ShownLog.text(page.node().lookup("#setup-output"));
        assertTrue(shown.contains("context-demo: machine " + test.uuid() + ", context runner"), shown);

        // The summary: what was made, with links, and the commands to do it again by hand.
        assertTrue(lookup("#setup-page-summary").tryQuery().isPresent(), "the summary is shown");
        clickOn("#summary-job");
        assertEquals(List.of("jobs " + job.uuid()), navigations, "the test job's link opens it in Jobs");
        clickOn("#summary-container");
        assertEquals("containers " + container, navigations.get(1));
        String created = lookup("#summary-created").queryAs(VBox.class).getChildrenUnmodifiable().toString();
        assertTrue(lookup("#summary-created").queryAs(VBox.class).lookupAll(".label").stream()
                .anyMatch(node -> "The runner machine context-runner".equals(((Label) node).getText())), created);
        String commands = lookup("#summary-commands").queryAs(TextArea.class).getText();
        assertTrue(commands.contains("docker build --pull=false -t " + tag), commands);
        assertTrue(commands.contains("drpcli machines create '{\"Name\":\"context-runner\"}'"), commands);
        assertTrue(commands.contains("drpcli machines update \"$runner\" '{\"Context\":\"runner\",\"Meta\":"
                + "{\"BaseContext\":\"runner\"}}'"), commands);

        cleanUpAndExpectNothingLeft(tag, List.of(runner.uuid(), test.uuid()));
    }

    /**
     * The two-engine topology: the endpoint (a sandbox here) runs its runners on the Podman service, as DRP on a
     * server would; the wizard builds on this machine's Docker and reaches Podman only through ssh to the test
     * sshd. The image is uploaded and loaded into Podman, the runner runs there and the Containers view shows it
     * through ssh; clean-up leaves nothing on either engine.
     */
    @Test
    void theWizardBuildsHereAndWatchesTheRunnerOnTheEndpointsEngineOverSsh() throws Exception {
        String tag = tag("two-engines");
        TestEnv env = TestEnv.get();
        EngineChoice overSsh = env.podmanOverSsh();
        try (DockerEngine podman = DockerEngine.open(EngineEndpoint.of(env.podmanHost(), "test"));
             SandboxServer remote = SandboxServer.start(SandboxConfig.inDataDir(work.resolve("remote-data"))
                     .withPort(0).withRunnerLabel(TestLabels.KEY, TestLabels.runId()), podman);
             OkHttpDrpClient remoteClient = SandboxAccess.connect(remote);
             EngineHandle runners = EngineHandle.of(overSsh)) {
            ViewServices services = new ViewServices(new SimpleObjectProperty<>(remoteClient), runners,
                    engineHandle, io, Platform::runLater, (section, key) -> navigations.add(section + " " + key));
            SetupPage page = PageTestSupport.show(() -> new SetupPage(services, new FixedEndpointChoices(),
                    work.resolve("settings-two-engines"), TestLabels.forThisRun()));
            preflight();
            fillImageForm(tag, null);
            clickOn("#next");
            for (String step : List.of(BuildImageStep.ID, PublishImageStep.ID, ContextStep.ID,
                    RunnerMachineStep.ID, TestJobStep.ID)) {
                clickOn("#next");
                awaitDone(step, 120);
                clickOn("#next");
            }
            // Podman did not hold the image: it was uploaded for the endpoint's plugin to load.
            assertTrue(remoteClient.fileSha256(ContextImageLayout.V4_7_DIRECTORY + tag).isPresent(), "uploaded");
            Machine runner = remoteClient.list(DrpType.MACHINES, Filter.where("Name", "context-runner")).get(0);
            String container = RunnerContainerName.forMachine(UUID.fromString(runner.uuid()));
            // The runner step is done only once it saw the container running on the runner engine, over ssh.
            assertTrue(podman.containers().inspect(container).running(), "the runner runs on Podman");
            assertTrue(engine.containers().list(ContainerQuery.all()).stream()
                    .noneMatch(c -> c.name().equals(container)), "and not on Docker");

            // The Containers view, in a window of its own beside the wizard, watches the same runner engine.
            javafx.stage.Stage beside = WaitForAsyncUtils.asyncFx(() -> new javafx.stage.Stage()).get();
            ContainersPage containers = WaitForAsyncUtils.asyncFx(() -> new ContainersPage(services)).get();
            interact(() -> {
                javafx.scene.Scene scene = new javafx.scene.Scene((javafx.scene.Parent) containers.node(), 1000, 500);
                scene.getStylesheets().add(dev.drpconsole.ui.theme.Theme.CONSOLE_CSS);
                beside.setScene(scene);
                beside.show();
                containers.shown();
            });
            waitFor("the Containers view lists the runner through ssh", 30, () -> lookup("#containers-engine")
                    .queryLabeled().getText().startsWith("Runner engine: Podman ")
                    && lookup("#containers-engine").queryLabeled().getText().contains("ssh://")
                    && lookup("#containers-table").<ContainerRow>queryTableView().getItems().stream()
                    .anyMatch(row -> row.name().equals(container)));
            interact(() -> {
                containers.hidden();
                beside.close();
            });

            clickOn("#clean-up");
            clickOn((Button) lookup(".dialog-pane").queryAs(DialogPane.class).lookupButton(ButtonType.OK));
            waitFor("the clean-up ends", 90, () -> text("#status").startsWith("Cleaned up"));
            assertEquals("", text("#page-problem-text"));
            waitFor("the runner's container is gone from Podman", 30, () -> podman.containers()
                    .list(ContainerQuery.all()).stream().noneMatch(c -> c.name().equals(container)));
            assertFalse(podman.images().exists(tag), "the image the plugin loaded into Podman is removed");
            assertFalse(engine.images().exists(tag), "the image built on Docker is removed");
        }
    }

    @Test
    void aDockerfileThatFailsPointsAtItsLineAndBuildsOnceFixed() throws Exception {
        openWizard("failing-build");
        String tag = tag("failing");
        preflight();
        String broken = "RUN sh -c 'echo the package is missing; exit 3'";
        fillImageForm(tag, dockerfile -> dockerfile.replaceFirst("\n", "\n" + broken + "\n"));
        clickOn("#next");
        clickOn("#next");
        waitFor("the build fails", 60, () -> !text("#page-problem-text").isEmpty() && stopped());
        assertEquals("✗", mark(BuildImageStep.ID));
        assertTrue(text("#page-problem-text").contains("line 2 of the Dockerfile"), text("#page-problem-text"));
        assertEquals("Line 2 failed: " + broken, text("#failed-line"));
        TextArea editor = lookup("#build-dockerfile").queryAs(TextArea.class);
        assertEquals(broken, editor.getSelectedText(), "the failing line is selected in the editor");
        assertEquals("Retry: build the image", button("#next").getText());

        interact(() -> editor.setText(editor.getText().replace(broken + "\n", "")));
        clickOn("#next");
        awaitDone(BuildImageStep.ID, 60);
        assertTrue(engine.images().exists(tag), "the fixed Dockerfile built " + tag);
        cleanUpAndExpectNothingLeft(tag, List.of());
    }

    @Test
    void aContextOfTheSameNameWithOtherSettingsIsShownSideBySideAndReplacedOnlyWhenChosen() throws Exception {
        client.create(DrpContext.of("runner", DrpContext.DOCKER_CONTEXT, "someone/else:1", "Theirs"));
        openWizard("conflict");
        String tag = tag("conflict");
        preflight();
        fillImageForm(tag, null);
        runAllRemaining();
        waitFor("the context step stops", 90, () -> !text("#page-problem-text").isEmpty() && stopped());
        assertEquals("✗", mark(ContextStep.ID));
        assertTrue(text("#page-problem-text").contains("already exists with other settings"), text("#page-problem-text"));
        assertTrue(lookup("#context-conflict").query().isVisible(), "the difference is shown");
        String diff = texts(lookup("#context-diff").queryAs(GridPane.class));
        assertTrue(diff.contains("≠ Image") && diff.contains("someone/else:1") && diff.contains(tag), diff);
        assertTrue(diff.contains("≠ Description") && diff.contains("Theirs"), diff);
        assertFalse(diff.contains("≠ Engine"), diff);
        assertEquals("someone/else:1", client.get(DrpType.CONTEXTS, "runner").orElseThrow().image(),
                "nothing is replaced before the user chooses");

        clickOn("#replace-context");
        awaitDone(ContextStep.ID, 30);
        assertEquals(tag, client.get(DrpType.CONTEXTS, "runner").orElseThrow().image());
        assertFalse(lookup("#context-conflict").query().isVisible());
        cleanUpAndExpectNothingLeft(tag, List.of());
        DrpContext theirs = client.get(DrpType.CONTEXTS, "runner").orElseThrow(
                () -> new AssertionError("a context the wizard did not create stays"));
        assertEquals("someone/else:1", theirs.image(), "clean-up puts the replaced settings back");
        assertEquals("Theirs", theirs.description());
    }

    @Test
    void aReadOnlyContextOfTheSameNameIsNeverOfferedForReplacement() throws Exception {
        client.putContent((com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind
                .ObjectMapper().readTree("""
                {"meta": {"Name": "team-pack", "Version": "v1.0"},
                 "sections": {"contexts": {"runner": {"Name": "runner", "Engine": "docker-context",
                                                      "Image": "team/runner_v1.0.0"}}}}"""));
        try {
            openWizard("read-only");
            preflight();
            fillImageForm(tag("read-only"), null);
            runAllRemaining();
            waitFor("the context step stops", 90, () -> !text("#page-problem-text").isEmpty() && stopped());
            assertTrue(text("#page-problem-text").contains("read-only (from content pack team-pack)"),
                    text("#page-problem-text"));
            assertTrue(lookup("#replace-context").query().isDisabled(), "replacing it would only be refused");
            assertTrue(text("#context-conflict-hint").contains("from content pack team-pack; change it there"),
                    text("#context-conflict-hint"));
            assertEquals("team/runner_v1.0.0", client.get(DrpType.CONTEXTS, "runner").orElseThrow().image());
        } finally {
            client.deleteContent("team-pack");
        }
    }

    @Test
    void theWizardWaitsForARestartedSandboxAndFinishes() throws Exception {
        openWizard("restart");
        String tag = tag("restart");
        preflight();
        fillImageForm(tag, null);
        server.close();
        runAllRemaining();
        waitFor("the wizard says it waits for the endpoint", 30,
                () -> text("#status").startsWith("Lost the endpoint at " + client.url()));
        assertEquals("…", mark(ContextStep.ID), "the context step waits");
        server = startSandbox(port);
        waitFor("the wizard finishes after the restart", 120, () -> {
            assertEquals("", text("#page-problem-text"), "the wizard stopped");
            return "✓".equals(mark(TestJobStep.ID)) && stopped();
        });
        assertTrue(lookup("#setup-page-summary").tryQuery().isPresent(), "the summary is shown");
        Machine test = client.list(DrpType.MACHINES, Filter.where("Name", "context-test")).get(0);
        Job job = client.list(DrpType.JOBS, Filter.where("Machine", test.uuid()).and("Task", DemoContentPack.TASK))
                .get(0);
        assertEquals("finished", job.state());
        Machine runner = client.list(DrpType.MACHINES, Filter.where("Name", "context-runner")).get(0);
        cleanUpAndExpectNothingLeft(tag, List.of(runner.uuid(), test.uuid()));
    }

    @Test
    void aWizardReopenedAfterACancelContinuesWhereItStopped() throws Exception {
        openWizard("reopen");
        String tag = tag("reopen");
        preflight();
        fillImageForm(tag, null);
        interact(() -> lookup("#step-publish").queryButton().fire());
        clickOn("#keep-on-engine");
        runAllRemaining();
        // The test job takes the longest (its task rests 6 s): a cancel lands inside it.
        waitFor("the test job runs", 90, () -> "…".equals(mark(TestJobStep.ID)));
        clickOn("#cancel");
        waitFor("the wizard says it was cancelled", 30,
                () -> text("#page-problem-text").startsWith("Cancelled."));

        // A console started again finds the journal: the same choices, the done steps, the page to go on at.
        openWizard("reopen");
        assertEquals("✓", mark(RunnerMachineStep.ID));
        assertEquals("·", mark(TestJobStep.ID));
        assertTrue(lookup("#setup-page-test-job").tryQuery().isPresent(), "it opens at the test job");
        interact(() -> lookup("#step-image").queryButton().fire());
        assertEquals(tag, lookup("#image-tag").queryAs(TextField.class).getText());
        interact(() -> lookup("#step-publish").queryButton().fire());
        assertTrue(lookup("#keep-on-engine").queryAs(CheckBox.class).isSelected(), "the ticked box is kept too");
        runAllRemaining();
        waitFor("the wizard finishes", 120, () -> {
            assertEquals("", text("#page-problem-text"), "the wizard stopped");
            return "✓".equals(mark(TestJobStep.ID)) && stopped();
        });
        assertEquals(1, client.list(DrpType.MACHINES, Filter.where("Name", "context-runner")).size(),
                "the runner machine is not created twice");
        assertEquals(1, client.list(DrpType.MACHINES, Filter.where("Name", "context-test")).size(),
                "the test machine is not created twice");
        List<String> machines = client.list(DrpType.MACHINES, Filter.ALL).stream().map(Machine::uuid).toList();
        cleanUpAndExpectNothingLeft(tag, machines);
    }

    @Test
    void theEndpointsOwnDrpcliCanGoIntoTheImage() throws Exception {
        String offered = DrpcliSource.endpointFile(engine.info().arch());
        client.uploadFile(offered, TestEnv.get().drpcli(), (done, total) -> { });
        try {
            openWizard("endpoint-drpcli");
            interact(() -> lookup("#step-preflight").queryButton().fire());
            interact(() -> lookup("#drpcli").queryAs(TextField.class).setText(""));
            waitFor("the endpoint's drpcli is offered", 10, () -> lookup("#download-drpcli").query().isVisible());
            clickOn("#download-drpcli");
            awaitDone(PreflightStep.ID, 30);
            String chosen = lookup("#drpcli").queryAs(TextField.class).getText();
            assertTrue(chosen.endsWith(DrpcliSource.DOWNLOADED_NAME), chosen);
            assertTrue(Files.isExecutable(Path.of(chosen)), chosen + " can run");
            assertEquals(Files.size(TestEnv.get().drpcli()), Files.size(Path.of(chosen)));
        } finally {
            client.deleteFile(offered);
        }
    }

    @Test
    void aMissingProviderIsUploadedFromTheBinaryTheUserPicks() throws Exception {
        Path macBuild = Files.write(work.resolve("docker-context-darwin"), new byte[] {(byte) 0xCF, (byte) 0xFA,
            (byte) 0xED, (byte) 0xFE, 7, 0, 0, 1, 3, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0});
        macBuild.toFile().setExecutable(true);
        List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        Path[] picked = {macBuild};
        try (SandboxServer bare = SandboxServer.start(SandboxConfig.inDataDir(work.resolve("no-provider"))
                .withPort(0).withoutRunners().withoutProvider()); OkHttpDrpClient bareClient = SandboxAccess.connect(bare)) {
            SetupPage page = openWizard("provider", bareClient);
            page.usePicker((owner, title, folder) -> {
                asked.add(title);
                return Optional.of(picked[0]);
            });
            interact(() -> lookup("#step-preflight").queryButton().fire());
            interact(() -> lookup("#drpcli").queryAs(TextField.class).setText(TestEnv.get().drpcli().toString()));
            clickOn("#next");
            waitFor("the missing provider is said, with its fixes", 20,
                    () -> lookup("#provider-fix").query().isVisible() && stopped());

            clickOn("#upload-provider");
            waitFor("a binary for another system is refused in plain words", 20,
                    () -> text("#page-problem-text").contains("is not a Linux program") && stopped());
            assertFalse(hasProvider(bareClient), "nothing was uploaded");

            picked[0] = TestEnv.get().drpcli(); // any Linux program stands in: the sandbox does not run it
            clickOn("#upload-provider");
            awaitDone(PreflightStep.ID, 30);
            assertTrue(hasProvider(bareClient), "the endpoint lists the provider");
            assertFalse(lookup("#provider-fix").query().isVisible(), "the fix is gone with the failed check");
            assertTrue(asked.get(0).contains("plugin provider"), asked.toString());
        }
    }

    @Test
    void badNamesAreSaidAsTypedAndNoStepRunsWithThem() throws Exception {
        SetupPage page = openWizard("bad-names");
        String tag = tag("bad-names");
        fillImageForm(tag, null);
        interact(() -> lookup("#step-context").queryButton().fire());
        interact(() -> lookup("#context-name").queryAs(TextField.class).setText("bad name!"));
        String rule = DrpNames.contextNameProblem("bad name!");
        assertEquals(rule, text("#context-name-problem"), "said under the field as it is typed");
        assertTrue(PageTestSupport.isShown(lookup("#context-name-problem").query()));
        assertTrue(button("#next").isDisabled(), "Create the context is greyed");
        assertEquals(rule, text("#why-greyed"), "and why is said next to the buttons");
        assertTrue(button("#run").isDisabled());

        interact(() -> lookup("#step-endpoint").queryButton().fire());
        assertFalse(button("#next").isDisabled(), "the endpoint page can go on");
        assertEquals("Run all remaining waits: Context: " + rule, text("#why-greyed"));

        // Whatever starts the run (a shortcut, a script), the step never runs with the bad name: nothing at all runs.
        interact(() -> page.model().runRemaining());
        waitFor("the wizard says why it did not run", 5,
                () -> text("#page-problem-text").equals("Context was not run: " + rule));
        assertTrue(lookup("#setup-page-context").tryQuery().isPresent(), "it shows the page with the bad name");
        assertTrue(stopped());
        assertEquals("·", mark(BuildImageStep.ID), "not even the steps before it ran");
        assertFalse(engine.images().exists(tag), "no image was built");
        assertTrue(client.list(DrpType.CONTEXTS, Filter.ALL).isEmpty(), "no context was created");

        interact(() -> lookup("#step-runner").queryButton().fire());
        interact(() -> lookup("#runner-name").queryAs(TextField.class).setText("-runner"));
        assertEquals(DrpNames.machineNameProblem("-runner"), text("#runner-name-problem"));
        interact(() -> {
            lookup("#runner-name").queryAs(TextField.class).setText("context-test");
            lookup("#step-test-job").queryButton().fire();
        });
        assertTrue(text("#test-machine-problem").startsWith("The test machine needs a name of its own"),
                text("#test-machine-problem"));

        interact(() -> {
            lookup("#step-runner").queryButton().fire();
            lookup("#runner-name").queryAs(TextField.class).setText("context-runner");
            lookup("#step-context").queryButton().fire();
            lookup("#context-name").queryAs(TextField.class).setText("runner");
        });
        assertFalse(PageTestSupport.isShown(lookup("#context-name-problem").query()), "a good name clears it");
        assertFalse(button("#run").isDisabled());
        assertFalse(PageTestSupport.isShown(lookup("#why-greyed").query()));
    }

    @Test
    void eachPageKeepsItsOwnProblemAndStatus() throws Exception {
        openWizard("banner");
        fillImageForm(tag("banner"), null);
        String imageStatus = text("#status");
        assertTrue(imageStatus.contains(TestEnv.get().baseImage()), imageStatus);

        Path notDrpcli = Files.writeString(work.resolve("not-drpcli"), "#!/bin/sh\necho I am not drpcli\n");
        interact(() -> lookup("#step-preflight").queryButton().fire());
        interact(() -> lookup("#drpcli").queryAs(TextField.class).setText(notDrpcli.toString()));
        clickOn("#next");
        waitFor("the checks fail", 20, () -> !text("#page-problem-text").isEmpty() && stopped());
        String preflightProblem = text("#page-problem-text");
        assertTrue(preflightProblem.startsWith("Preflight: 1 of 4 checks failed."), preflightProblem);
        assertTrue(lookup("#drpcli-fix").query().isVisible(), "where a Linux drpcli comes from is said");
        String go = lookup("#drpcli-go-install").queryAs(TextField.class).getText();
        assertEquals("GOOS=linux GOARCH=" + engine.info().arch()
                + " go install github.com/digitalrebar/provision/v4/cmds/drpcli@v4.7.0", go);
        assertFalse(text("#status").equals(imageStatus), "the image page's status is not the preflight's");

        interact(() -> lookup("#step-image").queryButton().fire());
        assertFalse(PageTestSupport.isShown(lookup("#page-problem").query()), "the preflight's problem stays there");
        assertEquals(imageStatus, text("#status"), "the image page's own status line is back");
        interact(() -> lookup("#step-build").queryButton().fire());
        assertFalse(PageTestSupport.isShown(lookup("#page-problem").query()));

        interact(() -> lookup("#step-preflight").queryButton().fire());
        assertTrue(PageTestSupport.isShown(lookup("#page-problem").query()), "back on the failed step, it is shown");
        assertEquals(preflightProblem, text("#page-problem-text"));
        clickOn("#page-problem-dismiss");
        interact(() -> lookup("#step-image").queryButton().fire());
        interact(() -> lookup("#step-preflight").queryButton().fire());
        assertFalse(PageTestSupport.isShown(lookup("#page-problem").query()), "a dismissed problem stays dismissed");
    }

    @Test
    void runAllRemainingAsksFirstAndCancelCreatesNothing() throws Exception {
        openWizard("confirm");
        String tag = tag("confirm");
        fillImageForm(tag, null);
        clickOn("#run");
        DialogPane dialog = lookup("#confirm-run-all").queryAs(DialogPane.class);
        String listed = dialog.getContentText();
        for (String expected : List.of("Run the checks", "Build the image " + tag + " from "
                + TestEnv.get().baseImage(),
                "Upload the image where the endpoint's docker-context plugin looks for " + tag,
                "Create the context runner", "Create the runner machine context-runner", "drp-runner-<uuid>",
                "Install the demo content pack and create the test machine context-test")) {
            assertTrue(listed.contains(expected), "lists " + expected + ": " + listed);
        }
        assertTrue(((Button) dialog.lookupButton(ButtonType.CANCEL)).isDefaultButton(), "Cancel is the default");

        type(javafx.scene.input.KeyCode.ENTER);
        waitFor("the question is gone", 5, () -> lookup("#confirm-run-all").tryQuery().isEmpty());
        Thread.sleep(500);
        assertTrue(stopped(), "nothing runs");
        assertEquals("·", mark(PreflightStep.ID));
        assertFalse(engine.images().exists(tag), "no image");
        assertTrue(client.list(DrpType.CONTEXTS, Filter.ALL).isEmpty(), "no context");
        assertTrue(client.list(DrpType.MACHINES, Filter.ALL).isEmpty(), "no machine");
    }

    @Test
    void theCommandsByHandRunAsWrittenInBash() throws Exception {
        SetupPage page = openWizard("by-hand");
        String tag = tag("by-hand");
        interact(() -> {
            lookup("#step-preflight").queryButton().fire();
            lookup("#drpcli").queryAs(TextField.class).setText(TestEnv.get().drpcli().toString());
        });
        fillImageForm(tag, null);
        interact(() -> {
            page.model().contextName.set("by hand");
            page.model().runnerName.set("hand-runner");
            page.model().testMachineName.set("hand-test");
            lookup("#step-summary").queryButton().fire();
        });
        String script = lookup("#summary-commands").queryAs(TextArea.class).getText();
        String password = server.adminPassword().password();
        assertFalse(script.contains(password), "the password is never shown");
        assertTrue(script.contains("export RS_ENDPOINT=" + client.url().replaceAll("/+$", "") + "\n"), script);
        assertTrue(script.contains("export RS_KEY=rocketskates:PASSWORD"), script);

        // As the user would: save it, put the password in, run it with bash.
        Path file = Files.writeString(work.resolve("setup-runner.sh"),
                script.replace("rocketskates:PASSWORD", "rocketskates:" + password));
        Path dir = Files.createDirectories(work.resolve("by-hand"));
        ProcessBuilder bash = new ProcessBuilder("bash", file.toString()).directory(dir.toFile())
                .redirectErrorStream(true);
        bash.environment().put("PATH", TestEnv.get().drpcli().getParent() + ":" + System.getenv("PATH"));
        bash.environment().put("DOCKER_HOST", TestEnv.get().dockerHost().toString());
        bash.environment().put("RS_TOKEN_CACHE", work.resolve("token-cache").toString());
        bash.environment().keySet().removeIf(key -> key.startsWith("RS_") && !key.equals("RS_TOKEN_CACHE"));
        Process process = bash.start();
        String output = new String(process.getInputStream().readAllBytes());
        try {
            assertTrue(process.waitFor(240, java.util.concurrent.TimeUnit.SECONDS), output);
            assertEquals(0, process.exitValue(), output);
            Machine test = client.list(DrpType.MACHINES, Filter.where("Name", "hand-test")).get(0);
            assertTrue(output.contains("context-demo: machine " + test.uuid() + ", context by hand"), output);
            assertTrue(output.strip().endsWith("finished"), output);
            assertEquals("by hand", client.list(DrpType.MACHINES, Filter.where("Name", "hand-runner")).get(0)
                    .baseContext());
        } finally {
            process.destroyForcibly();
            client.list(DrpType.MACHINES, Filter.ALL).forEach(machine -> client.delete(DrpType.MACHINES,
                    machine.uuid()));
            waitFor("the runner containers go", 30, () -> engine.containers().list(ContainerQuery.all()).stream()
                    .noneMatch(c -> c.name().startsWith("drp-runner-") && c.image().equals(tag)));
            if (engine.images().exists(tag)) {
                engine.images().remove(tag, true);
            }
        }
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private static boolean hasProvider(DrpClient endpoint) {
        return endpoint.pluginProviders().stream().anyMatch(provider -> DrpContext.DOCKER_CONTEXT.equals(
                provider.name()));
    }

    private SetupPage openWizard(String settings) throws Exception {
        return openWizard(settings, client);
    }

    private SetupPage openWizard(String settings, DrpClient endpoint) throws Exception {
        navigations.clear();
        ViewServices services = new ViewServices(new SimpleObjectProperty<>(endpoint), engineHandle, io,
                Platform::runLater, (section, key) -> navigations.add(section + " " + key));
        return PageTestSupport.show(() -> new SetupPage(services,
                new FixedEndpointChoices(),
                work.resolve("settings-" + settings), TestLabels.forThisRun()));
    }

    private static String tag(String test) {
        return "drpconsole-test/wizard-" + test + ":" + TestLabels.runId();
    }

    private void preflight() {
        interact(() -> lookup("#step-preflight").queryButton().fire());
        interact(() -> lookup("#drpcli").queryAs(TextField.class).setText(TestEnv.get().drpcli().toString()));
        clickOn("#next");
        awaitDone(PreflightStep.ID, 20);
    }

    /** Fills the runner image page (no extra packages) and leaves the wizard on it. */
    private void fillImageForm(String tag, java.util.function.UnaryOperator<String> edit) {
        interact(() -> lookup("#step-image").queryButton().fire());
        interact(() -> {
            lookup("#packages").queryAs(TextField.class).setText("");
            lookup("#image-tag").queryAs(TextField.class).setText(tag);
        });
        waitFor("the engine's images are offered", 10,
                () -> lookup("#base-image").queryComboBox().getItems().contains(TestEnv.get().baseImage()));
        interact(() -> lookup("#base-image").<String>queryComboBox().setValue(TestEnv.get().baseImage()));
        waitFor("the Dockerfile is filled in", 15, () -> lookup("#dockerfile")
                .queryAs(TextArea.class).getText().startsWith("FROM " + TestEnv.get().baseImage()));
        if (edit != null) {
            interact(() -> {
                TextArea dockerfile = lookup("#dockerfile").queryAs(TextArea.class);
                dockerfile.setText(edit.apply(dockerfile.getText()));
            });
        }
        assertEquals("", text("#image-form-problem"));
    }

    /** Waits like a user, telling what the wizard said when it does not come. */
    private void waitFor(String what, int seconds, java.util.concurrent.Callable<Boolean> condition) {
        try {
            PageTestSupport.waitUntil(what, seconds, condition);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + " (status: " + text("#status") + "; problem: "
                    + text("#page-problem-text") + ")", e);
        }
    }

    private void runAllRemaining() {
        assertFalse(button("#run").isDisabled(), "Run all remaining is enabled");
        clickOn("#run");
        DialogPane confirm = lookup("#confirm-run-all").queryAs(DialogPane.class);
        clickOn((Button) confirm.getButtonTypes().stream().filter(type -> type.getButtonData()
                == javafx.scene.control.ButtonBar.ButtonData.OK_DONE).map(confirm::lookupButton).findFirst()
                .orElseThrow());
        waitFor("the wizard runs", 5, () -> button("#cancel").isDisabled() == false
                || !text("#page-problem-text").isEmpty());
    }

    private void awaitDone(String step, int seconds) {
        waitFor(step + " is done", seconds, () -> {
            if (!text("#page-problem-text").isEmpty()) {
                throw new AssertionError("The wizard stopped: " + text("#page-problem-text"));
            }
            return "✓".equals(mark(step)) && stopped();
        });
    }

    /**
     * The wizard stopped running (Cancel greyed): a step's mark, its problem and the summary come a little before
     * that, and Next, Clean up, the fix buttons and a retry do nothing while it still runs.
     */
    private boolean stopped() {
        return button("#cancel").isDisabled();
    }

    private void cleanUpAndExpectNothingLeft(String tag, List<String> machines) {
        clickOn("#clean-up");
        Button ok = (Button) lookup(".dialog-pane").queryAs(DialogPane.class).lookupButton(ButtonType.OK);
        clickOn(ok);
        waitFor("the clean-up ends", 60, () -> text("#status").startsWith("Cleaned up"));
        assertEquals("", text("#page-problem-text"));
        assertFalse(engine.images().exists(tag), "the image " + tag + " is removed");
        for (String uuid : machines) {
            assertTrue(client.get(DrpType.MACHINES, uuid).isEmpty(), "machine " + uuid + " is removed");
            waitFor("the runner container of " + uuid + " is removed", 30, () -> engine.containers()
                    .list(ContainerQuery.all()).stream().noneMatch(c -> c.name().equals(
                            RunnerContainerName.forMachine(UUID.fromString(uuid)))));
        }
        assertTrue(client.contents().stream().noneMatch(pack -> pack.name().equals(DemoContentPack.NAME)),
                "the demo content pack is removed");
        assertTrue(lookup("#setup-page-endpoint").tryQuery().isPresent(), "the wizard starts over");
    }

    private String text(String query) {
        return lookup(query).queryLabeled().getText();
    }

    private Button button(String query) {
        return lookup(query).queryButton();
    }

    private String mark(String step) {
        return ((Label) button("#step-" + step).getGraphic()).getText();
    }

    private static String texts(GridPane grid) {
        StringBuilder text = new StringBuilder();
        grid.getChildren().forEach(node -> text.append(((Label) node).getText()).append(" | "));
        return text.toString();
    }
}
