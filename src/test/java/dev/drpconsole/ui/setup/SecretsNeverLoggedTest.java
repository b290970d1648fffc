package dev.drpconsole.ui.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drpconsole.core.drp.DrpType;
import dev.drpconsole.core.drp.Filter;
import dev.drpconsole.core.drp.Job;
import dev.drpconsole.core.drp.Machine;
import dev.drpconsole.core.drp.OkHttpDrpClient;
import dev.drpconsole.core.engine.DockerEngine;
import dev.drpconsole.core.engine.EngineEndpoint;
import dev.drpconsole.core.engine.EngineHandle;
import dev.drpconsole.core.engine.RunnerContainerName;
import dev.drpconsole.core.setup.BuildImageStep;
import dev.drpconsole.core.setup.ContextStep;
import dev.drpconsole.core.setup.DemoContentPack;
import dev.drpconsole.core.setup.PreflightStep;
import dev.drpconsole.core.setup.PublishImageStep;
import dev.drpconsole.core.setup.RunnerMachineStep;
import dev.drpconsole.core.setup.TestJobStep;
import dev.drpconsole.sandbox.SandboxConfig;
import dev.drpconsole.sandbox.SandboxServer;
import dev.drpconsole.testsupport.LogCapture;
import dev.drpconsole.testsupport.SandboxAccess;
import dev.drpconsole.testsupport.SecretScan;
import dev.drpconsole.testsupport.ShownLog;
import dev.drpconsole.testsupport.TestCleanup;
import dev.drpconsole.testsupport.TestEnv;
import dev.drpconsole.testsupport.TestLabels;
import dev.drpconsole.ui.PageTestSupport;
import dev.drpconsole.ui.common.SectionPage;
import dev.drpconsole.ui.common.ViewServices;
import dev.drpconsole.ui.containers.ContainerRow;
import dev.drpconsole.ui.containers.ContainersPage;
import dev.drpconsole.ui.contexts.ContextsPage;
import dev.drpconsole.ui.jobs.JobRow;
import dev.drpconsole.ui.jobs.JobsPage;
import dev.drpconsole.ui.runners.RunnerRow;
import dev.drpconsole.ui.runners.RunnersPage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * Secrets never reach a log: the whole wizard against the in-process sandbox (real engine, real drpcli in the
 * runner image, the test job run by the runner container), then a session of every view (Setup, Contexts, Runner
 * machines, Containers, Jobs: a row selected in each, the test job's log and the runner container's log opened).
 * Then every secret that exists is gathered (the admin password and its Basic header, the console's token, each
 * machine's and user's {@code Secret} read through the API, each runner's {@code RS_TOKEN} read from its container)
 * and none may appear in what was logged: everything the JVM logged through SLF4J (console and sandbox), the
 * sandbox's job logs, the runner containers' logs. Any sandbox token at all ({@code drp1.…}) in a log fails too.
 * The check is shown to catch each kind of secret planted in a copy of those logs.
 */
@Tag("engine")
@Tag("sandbox")
@Tag("display")
class SecretsNeverLoggedTest extends FxRobot {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;
    static LogCapture logs;
    static DockerEngine engine;
    static EngineHandle engineHandle;
    static SandboxServer server;
    static OkHttpDrpClient client;
    static ExecutorService io;
    static Path data;
    static ViewServices services;

    @BeforeAll
    static void start() throws Exception {
        logs = LogCapture.start();
        engine = DockerEngine.open(EngineEndpoint.of(TestEnv.get().dockerHost(), "test"));
        engineHandle = new EngineHandle(() -> DockerEngine.open(EngineEndpoint.of(TestEnv.get().dockerHost(),
                "test")));
        data = Files.createDirectories(work.resolve("data"));
        server = SandboxServer.start(SandboxConfig.inDataDir(data).withPort(0)
                .withRunnerLabel(TestLabels.KEY, TestLabels.runId()), engine);
        client = SandboxAccess.connect(server);
        io = Executors.newCachedThreadPool();
        services = new ViewServices(new SimpleObjectProperty<>(client), engineHandle, io, Platform::runLater,
                (section, key) -> { });
    }

    @AfterAll
    static void stop() {
        io.shutdownNow();
        client.close();
        server.close();
        engineHandle.close();
        TestCleanup.removeEverythingOfThisRun(engine);
        engine.close();
        logs.close();
    }

    @Test
    void noPasswordTokenOrSecretIsInAnyLogAfterTheWizardAndEveryView() throws Exception {
        String tag = "drpconsole-test/secrets:" + TestLabels.runId();
        runTheWholeWizard(tag);
        Job testJob = visitEveryView();

        Map<String, String> secrets = secrets();
        assertTrue(secrets.keySet().stream().anyMatch(kind -> kind.startsWith("RS_TOKEN")), secrets.keySet()
                .toString());
        Map<String, String> logTexts = logTexts();
        assertTrue(logTexts.get("SLF4J log").contains("docker-context: started"), "the capture saw the sandbox log");
        assertTrue(logTexts.values().stream().anyMatch(text -> text.contains("context-demo")), "the job log is read");
        logTexts.forEach((where, text) -> SecretScan.assertNoSecretIn(where, text, secrets));

        // The check would fail if a secret were logged: each kind planted in a copy of the logs is caught.
        String copy = String.join("\n", logTexts.values());
        for (Map.Entry<String, String> secret : secrets.entrySet()) {
            String planted = copy + "\nINFO planted - signed in with " + secret.getValue() + " ok\n";
            AssertionError caught = assertThrows(AssertionError.class,
                    () -> SecretScan.assertNoSecretIn("a copy", planted, secrets), secret.getKey() + " planted is caught");
            assertFalse(caught.getMessage().contains(secret.getValue()), "the failure names the kind, not the value");
        }
        String anyToken = client.currentToken();
        assertThrows(AssertionError.class, () -> SecretScan.assertNoSecretIn("a copy", copy + "token " + anyToken,
                Map.of()), "a sandbox token is caught even when not among the known secrets");
        assertEquals("finished", testJob.state());
    }

    /** The wizard, step by step, as SetupWizardTest's whole run does it. */
    private void runTheWholeWizard(String tag) throws Exception {
        PageTestSupport.show(() -> new SetupPage(services, new FixedEndpointChoices(), work.resolve("settings"),
                TestLabels.forThisRun()));
        clickOn("#next");
        interact(() -> lookup("#drpcli").queryAs(TextField.class).setText(TestEnv.get().drpcli().toString()));
        clickOn("#next");
        awaitDone(PreflightStep.ID, 20);
        clickOn("#next");
        interact(() -> lookup("#step-image").queryButton().fire());
        interact(() -> {
            lookup("#packages").queryAs(TextField.class).setText("");
            lookup("#image-tag").queryAs(TextField.class).setText(tag);
        });
        PageTestSupport.waitUntil("the engine's images are offered", 10,
                () -> lookup("#base-image").queryComboBox().getItems().contains(TestEnv.get().baseImage()));
        interact(() -> lookup("#base-image").<String>queryComboBox().setValue(TestEnv.get().baseImage()));
        PageTestSupport.waitUntil("the Dockerfile is filled in", 15, () -> lookup("#dockerfile")
                .queryAs(TextArea.class).getText().startsWith("FROM " + TestEnv.get().baseImage()));
        clickOn("#next");
        for (String step : List.of(BuildImageStep.ID, PublishImageStep.ID, ContextStep.ID, RunnerMachineStep.ID,
                TestJobStep.ID)) {
            clickOn("#next");
            awaitDone(step, 90);
            clickOn("#next");
        }
    }

    /** Contexts, Runner machines, Containers, Jobs: a row selected in each, the logs a user would open. */
    private Job visitEveryView() throws Exception {
        showAndSelect(() -> new ContextsPage(services), "#contexts-table", row -> true);
        Machine runner = client.list(DrpType.MACHINES, Filter.where("Name", "context-runner")).get(0);
        showAndSelect(() -> new RunnersPage(services), "#runners-table",
                row -> ((RunnerRow) row).machine().uuid().equals(runner.uuid()));
        String container = RunnerContainerName.forMachine(UUID.fromString(runner.uuid()));
        PageTestSupport.waitUntil("the runner's details name its container", 30,
                () -> lookup("#runner-details-container").queryLabeled().getText().contains(container));
        clickOn("#runner-logs");
        showAndSelect(() -> new ContainersPage(services), "#containers-table",
                row -> ((ContainerRow) row).name().equals(container));
        PageTestSupport.waitUntil("the container's log shows", 30,
                () -> !ShownLog.text(lookup("#container-log").query()).isBlank());
        Job job = client.list(DrpType.JOBS, Filter.where("Task", DemoContentPack.TASK)).get(0);
        showAndSelect(() -> new JobsPage(services), "#jobs-table", row -> ((JobRow) row).uuid().equals(job.uuid()));
        PageTestSupport.waitUntil("the test job's log shows", 30,
                () -> ShownLog.text(lookup("#job-log").query()).contains("context-demo"));
        return job;
    }

    private <P extends SectionPage> void showAndSelect(java.util.function.Supplier<P> page, String table,
                                                       java.util.function.Predicate<Object> which) throws Exception {
        PageTestSupport.show(page);
        TableView<Object> rows = lookup(table).queryTableView();
        PageTestSupport.waitUntil(table + " lists the row", 30, () -> rows.getItems().stream().anyMatch(which));
        interact(() -> rows.getSelectionModel().select(rows.getItems().stream().filter(which).findFirst()
                .orElseThrow()));
    }

    /** Every secret there is now, by kind (the kind is what a failure names). */
    private Map<String, String> secrets() throws Exception {
        Map<String, String> secrets = new LinkedHashMap<>();
        String password = server.adminPassword().password();
        secrets.put("the admin password", password);
        secrets.put("the admin's Basic header", SecretScan.basic("rocketskates", password));
        secrets.put("the console's token", client.currentToken());
        for (JsonNode machine : adminGetOne("machines")) {
            secrets.put("machine " + machine.path("Name").asText() + "'s Secret", secretOf("machines/"
                    + machine.path("Uuid").asText()));
            String container = RunnerContainerName.forMachine(UUID.fromString(machine.path("Uuid").asText()));
            engine.containers().list(dev.drpconsole.core.engine.ContainerQuery.all()).stream()
                    .filter(c -> c.name().equals(container)).findFirst()
                    .ifPresent(found -> engine.containers().inspect(container).environment().stream()
                            .filter(variable -> variable.startsWith("RS_TOKEN="))
                            .forEach(variable -> secrets.put("RS_TOKEN of " + container,
                                    variable.substring("RS_TOKEN=".length()))));
        }
        for (JsonNode user : adminGetOne("users")) {
            secrets.put("user " + user.path("Name").asText() + "'s Secret", secretOf("users/"
                    + user.path("Name").asText()));
        }
        secrets.values().forEach(value -> assertTrue(value.length() >= 8, "a real secret, not a blank"));
        return secrets;
    }

    private String secretOf(String path) throws Exception {
        String secret = adminGetOne(path).path("Secret").asText();
        if (secret.isEmpty()) {
            // The API does not show it: read it where the sandbox keeps it.
            String[] parts = path.split("/", 2);
            secret = server.objects().get("GET", parts[0], parts[1]).path("Secret").asText();
        }
        return secret;
    }

    private static JsonNode adminGetOne(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(SandboxAccess.url(server) + "/api/v3/" + path))
                .header("Authorization", SandboxAccess.adminAuthorization(server)).build();
        HttpResponse<String> reply = SandboxAccess.httpClient(server).send(request,
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, reply.statusCode(), path + ": " + reply.body());
        return JSON.readTree(reply.body());
    }

    /** Where secrets could be written: the JVM's SLF4J log, the sandbox's job logs, the runner containers' logs. */
    private Map<String, String> logTexts() throws Exception {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("SLF4J log", logs.text());
        try (Stream<Path> files = Files.walk(data)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".log")).toList()) {
                texts.put("sandbox file " + data.relativize(file), Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        for (String container : runnerContainers()) {
            texts.put("container " + container, dockerLogs(container));
        }
        return texts;
    }

    private List<String> runnerContainers() {
        List<String> names = new ArrayList<>();
        engine.containers().list(dev.drpconsole.core.engine.ContainerQuery.all()).stream()
                .filter(c -> TestLabels.runId().equals(c.labels().get(TestLabels.KEY)))
                .forEach(c -> names.add(c.name()));
        assertFalse(names.isEmpty(), "the runner container is there to read");
        return names;
    }

    private static String dockerLogs(String container) throws Exception {
        Process process = new ProcessBuilder("docker", "--host", TestEnv.get().dockerHost().toString(), "logs",
                container).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), out);
        return out;
    }

    private void awaitDone(String step, int seconds) {
        PageTestSupport.waitUntil(step + " is done", seconds, () -> {
            String problem = lookup("#page-problem-text").queryLabeled().getText();
            if (!problem.isEmpty()) {
                throw new AssertionError("The wizard stopped: " + problem);
            }
            String mark = ((javafx.scene.control.Label) lookup("#step-" + step).queryButton().getGraphic()).getText();
            return "✓".equals(mark) && lookup("#cancel").queryButton().isDisabled();
        });
    }
}
