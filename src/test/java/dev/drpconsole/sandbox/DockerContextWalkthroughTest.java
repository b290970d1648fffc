package dev.drpconsole.sandbox;

import dev.drpconsole.testsupport.TestCleanup;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drpconsole.core.engine.ContainerDetails;
import dev.drpconsole.core.engine.DockerEngine;
import dev.drpconsole.core.engine.EngineObjectNotFoundException;
import dev.drpconsole.testsupport.TestLabels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed walkthrough (Docker Contexts, DRP 4.2 docs) against the sandbox with the real drpcli, its agent in a
 * runner container and the real engine: context list and create, a context-runner machine whose drp-runner
 * container appears, a restart of the sandbox that loses nothing, then the demo workflow run by the container's
 * agent, watched with drpcli events watch.
 */
@Tag("engine")
@Tag("sandbox")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DockerContextWalkthroughTest {

    @TempDir
    static Path dataDir;
    @TempDir
    static Path work;
    static DockerEngine engine;
    static String image;
    static SandboxServer server;

    @BeforeAll
    static void prepare() throws Exception {
        engine = RunnerImageFixture.openEngine();
        image = RunnerImageFixture.buildRunnerImage(engine, work);
    }

    @AfterAll
    static void cleanUp() {
        if (server != null) {
            server.close();
        }
        TestCleanup.removeEverythingOfThisRun(engine);
        engine.close();
    }

    private static SandboxServer start(int port) throws SandboxStartException {
        return SandboxServer.start(SandboxConfig.inDataDir(dataDir).withPort(port)
                .withRunnerLabel(TestLabels.KEY, TestLabels.runId()), engine);
    }

    private static Optional<ContainerDetails> runner(String uuid) {
        try {
            return Optional.of(engine.containers().inspect("drp-runner-" + uuid));
        } catch (EngineObjectNotFoundException e) {
            return Optional.empty();
        }
    }

    private static void waitFor(String what, Duration timeout, Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + timeout.toSeconds() + " s: " + what);
            }
            Thread.sleep(250);
        }
    }

    @Test
    @Order(1)
    void theSeedWalkthroughRunsEndToEnd() throws Exception {
        server = start(0);
        int port = server.port();
        Drpcli drpcli = new Drpcli(server, work.resolve("tokens"));
        Path watched = work.resolve("events.txt");
        Process watch = drpcli.start(watched, "events", "watch");
        try {
            assertTrue(drpcli.run("info", "get").ok().out().contains("\"api_port\": " + port));
            assertEquals("[]", drpcli.run("contexts", "list", "Engine=docker-context").ok().out().trim());
            JsonNode context = SandboxJson.parse(drpcli.run("contexts", "create", "{\"Name\": \"runner\", "
                    + "\"Description\": \"DRP Demo Context\", \"Engine\": \"docker-context\", \"Image\": \"" + image
                    + "\", \"Meta\": {\"Title\": \"Example context\"}}").ok().out().getBytes());
            assertTrue(context.path("Available").asBoolean());

            JsonNode contextRunner = SandboxJson.parse(drpcli.run("machines", "create", "{\"Name\": "
                    + "\"context-runner\", \"Meta\": {\"BaseContext\": \"runner\"}}").ok().out().getBytes());
            assertEquals("runner", contextRunner.path("Context").asText());
            String runnerUuid = contextRunner.path("Uuid").asText();
            waitFor("drp-runner-" + runnerUuid + " runs", Duration.ofSeconds(10),
                    () -> runner(runnerUuid).map(ContainerDetails::running).orElse(false));
            ContainerDetails container = runner(runnerUuid).orElseThrow();
            assertTrue(container.environment().contains("RS_CONTEXT=runner"));
            assertTrue(container.environment().contains("RS_UUID=" + runnerUuid));
            assertTrue(container.environment().contains("RS_ENDPOINTS=" + server.url()));
            assertEquals("host", container.networkMode());
            assertEquals(TestLabels.runId(), container.labels().get(TestLabels.KEY));

            server.close();
            server = start(port);
            drpcli = new Drpcli(server, work.resolve("tokens"));
            server.runners().orElseThrow().awaitIdle(Duration.ofSeconds(10));
            assertEquals(container.id(), runner(runnerUuid).orElseThrow().id(), "the restart adopts the container");
            assertEquals("runner", server.objects().get("GET", "machines", runnerUuid).path("Context").asText());

            Path bundle = ContentsTest.bundleDemoPack(drpcli, work);
            drpcli.run("contents", "create", bundle.toString()).ok();
            JsonNode example = SandboxJson.parse(drpcli.run("machines", "create", "example").ok().out().getBytes());
            String exampleUuid = example.path("Uuid").asText();
            drpcli.run("machines", "update", "Name:example", "{\"Workflow\":\"context-demo\"}").ok();
            drpcli.run("machines", "update", "Name:example", "{\"Context\":\"runner\"}").ok();

            waitFor("the demo task's job finishes", Duration.ofSeconds(60), () -> {
                JsonNode jobs = server.objects().list("jobs").stream()
                        .filter(job -> exampleUuid.equals(job.path("Machine").asText())
                                && "context-demo-example".equals(job.path("Task").asText()))
                        .findFirst().map(JsonNode.class::cast).orElse(null);
                return jobs != null && "finished".equals(jobs.path("State").asText());
            });
            JsonNode job = SandboxJson.parse(drpcli.run("jobs", "list", "Machine=" + exampleUuid,
                    "Task=context-demo-example").ok().out().getBytes()).get(0);
            String log = drpcli.run("jobs", "log", job.path("Uuid").asText()).ok().out();
            assertTrue(log.contains("context-demo: machine " + exampleUuid + ", context runner"), log);
            assertTrue(log.contains("context-demo: rendered for example (" + exampleUuid + "), colour purple"),
                    "the task template was rendered as a Go template (param from its schema default): " + log);
            assertTrue(log.contains("\u001b[1;32mcontext-demo: this line is green\u001b[0m"), log);
            waitFor("the machine's Context is back to \"\"", Duration.ofSeconds(10), () ->
                    server.objects().get("GET", "machines", exampleUuid).path("Context").asText().isEmpty());
            waitFor("the example machine's runner is removed", Duration.ofSeconds(15),
                    () -> runner(exampleUuid).isEmpty());
            assertTrue(runner(runnerUuid).map(ContainerDetails::running).orElse(false));
        } finally {
            watch.destroy();
        }
        String events = Files.readString(watched);
        assertTrue(events.contains("\"Type\": \"contexts\"") && events.contains("\"Key\": \"runner\""), events);
        assertTrue(events.contains("\"Action\": \"create\"") && events.contains("\"Type\": \"machines\""), events);
        assertFalse(events.isBlank());
    }

    @Test
    @Order(2)
    void deletingAMachineRemovesItsRunner() throws Exception {
        if (server == null) {
            server = start(0);
        }
        SandboxApi api = SandboxApi.forServer(server);
        api.post("contexts", "{\"Name\":\"short-lived\",\"Engine\":\"docker-context\",\"Image\":\"" + image + "\"}");
        String uuid = api.post("machines", "{\"Name\":\"doomed\",\"Meta\":{\"BaseContext\":\"short-lived\"}}").json()
                .path("Uuid").asText();
        waitFor("its runner runs", Duration.ofSeconds(10),
                () -> runner(uuid).map(ContainerDetails::running).orElse(false));
        api.delete("machines/" + uuid);
        waitFor("its runner is removed", Duration.ofSeconds(15), () -> runner(uuid).isEmpty());
    }
}
