package dev.drpconsole.sandbox;

import dev.drpconsole.testsupport.TestCleanup;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drpconsole.core.engine.ContainerDetails;
import dev.drpconsole.core.engine.DockerEngine;
import dev.drpconsole.core.engine.EngineObjectNotFoundException;
import dev.drpconsole.testsupport.TestLabels;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** §6: where runner images come from, context changes, and the docker-context plugin actions. */
@Tag("engine")
@Tag("sandbox")
class DockerContextEngineTest {

    @TempDir
    static Path dataDir;
    @TempDir
    static Path work;
    static DockerEngine engine;
    static String runnerImage;
    static SandboxServer server;
    static SandboxApi api;
    static Drpcli drpcli;

    @BeforeAll
    static void start() throws Exception {
        engine = RunnerImageFixture.openEngine();
        runnerImage = RunnerImageFixture.buildRunnerImage(engine, work);
        server = SandboxServer.start(SandboxConfig.inDataDir(dataDir).withPort(0)
                .withRunnerLabel(TestLabels.KEY, TestLabels.runId()), engine);
        api = SandboxApi.forServer(server);
        drpcli = new Drpcli(server, work.resolve("tokens"));
        api.post("contexts", "{\"Name\":\"runner\",\"Engine\":\"docker-context\",\"Image\":\"" + runnerImage + "\"}");
    }

    @AfterAll
    static void stop() {
        server.close();
        TestCleanup.removeEverythingOfThisRun(engine);
        engine.close();
    }

    private static Optional<ContainerDetails> runner(String uuid) {
        try {
            return Optional.of(engine.containers().inspect("drp-runner-" + uuid));
        } catch (EngineObjectNotFoundException e) {
            return Optional.empty();
        }
    }

    private static boolean running(String uuid) {
        return runner(uuid).map(ContainerDetails::running).orElse(false);
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

    private static byte[] savedImageMissingFromTheEngine(String tag) throws Exception {
        return RunnerImageFixture.savedImageMissingFromTheEngine(engine, runnerImage, work, tag);
    }

    @Test
    void aMissingImageIsLoadedFromTheFilesApiSingularOrPlural() throws Exception {
        String singular = "drpconsole-test/loaded-a:" + TestLabels.runId();
        api.send("POST", "files/contexts/docker-context/" + singular, "application/octet-stream",
                savedImageMissingFromTheEngine(singular));
        String plural = "drpconsole-test/loaded-b:" + TestLabels.runId();
        api.send("POST", "files/contexts/docker-contexts/" + plural, "application/octet-stream",
                savedImageMissingFromTheEngine(plural));

        api.post("contexts", "{\"Name\":\"from-files\",\"Engine\":\"docker-context\",\"Image\":\"" + singular + "\"}");
        api.post("contexts", "{\"Name\":\"from-plural\",\"Engine\":\"docker-context\",\"Image\":\"" + plural + "\"}");
        String first = api.post("machines", "{\"Name\":\"loads-a\",\"Meta\":{\"BaseContext\":\"from-files\"}}").json()
                .path("Uuid").asText();
        String second = api.post("machines", "{\"Name\":\"loads-b\",\"Meta\":{\"BaseContext\":\"from-plural\"}}")
                .json().path("Uuid").asText();
        waitFor("both runners run", Duration.ofSeconds(30), () -> running(first) && running(second));
        assertTrue(engine.images().exists(singular) && engine.images().exists(plural));
        api.delete("machines/" + first);
        api.delete("machines/" + second);
    }

    @Test
    void aContextWithAnImageNobodyHasIsReportedInThePluginErrors() throws Exception {
        api.post("contexts", "{\"Name\":\"nowhere\",\"Engine\":\"docker-context\",\"Image\":\"drpconsole-test/none:0\"}");
        String uuid = api.post("machines", "{\"Name\":\"imageless\",\"Meta\":{\"BaseContext\":\"nowhere\"}}").json()
                .path("Uuid").asText();
        waitFor("the problem shows in PluginErrors", Duration.ofSeconds(10), () ->
                api.get("plugins/docker-context").json().path("PluginErrors").toString().contains(uuid));
        assertTrue(api.get("plugins/docker-context").json().path("PluginErrors").get(0).asText()
                .contains("files/contexts/docker-context/drpconsole-test/none:0"));
        api.delete("machines/" + uuid);
        waitFor("the problem goes with the machine", Duration.ofSeconds(10), () ->
                !api.get("plugins/docker-context").json().path("PluginErrors").toString().contains(uuid));
    }

    @Test
    void changingTheContextAwayStopsTheRunnerAndOtherEnginesAreIgnored() throws Exception {
        api.post("contexts", "{\"Name\":\"elsewhere\",\"Engine\":\"some-other-engine\",\"Image\":\"x\"}");
        String uuid = api.post("machines", "{\"Name\":\"mover\",\"Meta\":{\"BaseContext\":\"runner\"}}").json()
                .path("Uuid").asText();
        waitFor("the runner runs", Duration.ofSeconds(10), () -> running(uuid));
        api.patch("machines/" + uuid, "[{\"op\":\"replace\",\"path\":\"/Context\",\"value\":\"elsewhere\"}]");
        waitFor("the runner is removed", Duration.ofSeconds(15), () -> runner(uuid).isEmpty());
        api.patch("machines/" + uuid, "[{\"op\":\"replace\",\"path\":\"/Context\",\"value\":\"runner\"}]");
        waitFor("the runner is back", Duration.ofSeconds(10), () -> running(uuid));
        api.delete("machines/" + uuid);
    }

    @Test
    void pluginActionsThroughTheRealDrpcli() throws Exception {
        assertEquals("true", drpcli.run("plugins", "runaction", "docker-context", "imageExists",
                "context/image-name", runnerImage).ok().out().trim());
        assertEquals("false", drpcli.run("plugins", "runaction", "docker-context", "imageExists",
                "context/image-name", "drpconsole-test/absent:0").ok().out().trim());

        String uuid = api.post("machines", "{\"Name\":\"by-hand\"}").json().path("Uuid").asText();
        assertTrue(drpcli.run("machines", "runaction", uuid, "agentStart", "context/name", "runner").ok().out()
                .contains("drp-runner-" + uuid));
        waitFor("the started runner runs", Duration.ofSeconds(10), () -> running(uuid));
        assertEquals("runner", runner(uuid).orElseThrow().labels().get("dev.drpconsole.sandbox.context"));
        assertEquals("true", drpcli.run("machines", "runaction", uuid, "agentStop").ok().out().trim());
        assertTrue(runner(uuid).isEmpty());

        String tag = "drpconsole-test/uploaded:" + TestLabels.runId();
        api.send("POST", "files/contexts/docker-context/" + tag, "application/octet-stream",
                savedImageMissingFromTheEngine(tag));
        drpcli.run("plugins", "runaction", "docker-context", "imageUpload", "context/image-name", tag,
                "context/image-path", "files/contexts/docker-context/" + tag).ok();
        assertTrue(engine.images().exists(tag));
        drpcli.run("plugins", "runaction", "docker-context", "imageRemove", "context/image-name", tag).ok();
        assertFalse(engine.images().exists(tag));
    }
}
