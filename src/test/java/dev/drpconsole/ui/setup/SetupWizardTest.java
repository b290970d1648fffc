package dev.drpconsole.ui.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drpconsole.core.drp.DrpContext;
import dev.drpconsole.core.drp.DrpCredentials;
import dev.drpconsole.core.drp.DrpEndpoint;
import dev.drpconsole.core.drp.DrpType;
import dev.drpconsole.core.drp.Filter;
import dev.drpconsole.core.drp.Job;
import dev.drpconsole.core.drp.Machine;
import dev.drpconsole.core.drp.MemoryCertificatePins;
import dev.drpconsole.core.drp.OkHttpDrpClient;
import dev.drpconsole.core.engine.DockerEngine;
import dev.drpconsole.core.engine.EngineEndpoint;
import dev.drpconsole.core.engine.EngineHandle;
import dev.drpconsole.core.engine.RunnerContainerName;
import dev.drpconsole.sandbox.SandboxConfig;
import dev.drpconsole.sandbox.SandboxServer;
import dev.drpconsole.sandbox.content.DemoContentPack;
import dev.drpconsole.testsupport.ShownLog;
import dev.drpconsole.testsupport.TestCleanup;
import dev.drpconsole.testsupport.TestEnv;
import dev.drpconsole.testsupport.TestLabels;
import dev.drpconsole.ui.PageTestSupport;
import dev.drpconsole.ui.common.ViewServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The whole wizard, headless, as a user runs it: against the in-process sandbox with docker-context runners on
 * the real engine, the image built from the local base image with the real drpcli inside, through the test job
 * whose output appears in the wizard.
 */
class SetupWizardTest extends FxRobot {
    @TempDir
    static Path work;
    static DockerEngine engine;
    static EngineHandle engineHandle;
    static SandboxServer server;
    static OkHttpDrpClient client;
    static ExecutorService io;

    @BeforeAll
    static void start() throws Exception {
        engine = DockerEngine.open(EngineEndpoint.of(TestEnv.get().dockerHost(), "test"));
        engineHandle = new EngineHandle(() -> DockerEngine.open(EngineEndpoint.of(TestEnv.get().dockerHost(), "test")));
        server = SandboxServer.start(SandboxConfig.inDataDir(Files.createDirectories(work.resolve("data")))
                .withPort(0).withRunnerEngine(true).withRunnerLabel(TestLabels.KEY, TestLabels.runId()), engine);
        MemoryCertificatePins pins = new MemoryCertificatePins();
        pins.pin(server.url().getHost() + ":" + server.url().getPort(), server.certificate().sha256Fingerprint());
        client = OkHttpDrpClient.connect(new DrpEndpoint(List.of(server.url().toString().replaceAll("/$", "")),
                new DrpCredentials.Password("rocketskates", server.adminPassword().password()), false), pins);
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

    @Test
    void theWholeWizardSetsUpARunnerAndRunsTheTestJob() throws Exception {
        ViewServices services = new ViewServices(new SimpleObjectProperty<>(client), engineHandle, io,
                Platform::runLater, (section, key) -> { });
        SetupPage page = PageTestSupport.show(() -> new SetupPage(services, () -> CompletableFuture.completedFuture(null),
                work.resolve("settings"), TestLabels.forThisRun()));
        String tag = "drpconsole-test/wizard:" + TestLabels.runId();
        interact(() -> {
            lookup("#drpcli").queryAs(TextField.class).setText(TestEnv.get().drpcli().toString());
            lookup("#packages").queryAs(TextField.class).setText("");
            lookup("#image-tag").queryAs(TextField.class).setText(tag);
        });
        PageTestSupport.waitUntil("the engine's images are offered", 10,
                () -> lookup("#base-image").queryComboBox().getItems().contains(TestEnv.get().baseImage()));
        interact(() -> lookup("#base-image").<String>queryComboBox()
                .setValue(TestEnv.get().baseImage()));
        PageTestSupport.waitUntil("the Dockerfile is filled in", 15, () -> lookup("#dockerfile")
                .queryAs(TextArea.class).getText().startsWith("FROM " + TestEnv.get().baseImage()));

        clickOn("#run");
        PageTestSupport.waitUntil("every step is done", 90, () -> {
            String problem = lookup("#problem").queryAs(Label.class).getText();
            if (!problem.isEmpty()) {
                throw new AssertionError("The wizard stopped: " + problem);
            }
            return lookup("#step-test-job").queryAs(Label.class).getText().startsWith("✓");
        });

        DrpContext context = client.get(DrpType.CONTEXTS, "runner").orElseThrow();
        assertEquals(DrpContext.DOCKER_CONTEXT, context.engine());
        assertEquals(tag, context.image());
        Machine runner = client.list(DrpType.MACHINES, Filter.where("Name", "context-runner")).get(0);
        assertEquals("runner", runner.baseContext());
        assertTrue(engine.containers().inspect(RunnerContainerName.forMachine(UUID.fromString(runner.uuid())))
                .running());
        Machine test = client.list(DrpType.MACHINES, Filter.where("Name", "context-test")).get(0);
        Job job = client.list(DrpType.JOBS, Filter.where("Machine", test.uuid()).and("Task", DemoContentPack.TASK))
                .get(0);
        assertEquals("finished", job.state());
        String shown = ShownLog.text(page.node().lookup("#setup-output"));
        assertTrue(shown.contains("context-demo: machine " + test.uuid() + ", context runner"), shown);
    }
}
