package dev.drpconsole.sandbox;

import dev.drpconsole.testsupport.TestCleanup;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drpconsole.core.engine.ContainerDetails;
import dev.drpconsole.core.engine.DockerEngine;
import dev.drpconsole.core.engine.EngineObjectNotFoundException;
import dev.drpconsole.testsupport.TestLabels;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * §6: where runner images come from, context changes, and the docker-context plugin actions; and (E.20) the same
 * with the v4.8+ plugin: images from files/docker-contexts/, downloaded from Meta.Imagepull (a local HTTP server
 * here: no registry is reachable) and checked against Meta.Checksum.
 */
@Tag("engine")
@Tag("sandbox")
class DockerContextEngineTest {

    @TempDir
    static Path dataDir;
    @TempDir
    static Path v48DataDir;
    @TempDir
    static Path work;
    static DockerEngine engine;
    static String runnerImage;
    static SandboxServer server;
    static SandboxApi api;
    static Drpcli drpcli;
    /** The sandbox as an endpoint with the v4.8+ docker-context plugin (E.20). */
    static SandboxServer v48;
    static SandboxApi v48Api;

    @BeforeAll
    static void start() throws Exception {
        engine = RunnerImageFixture.openEngine();
        runnerImage = RunnerImageFixture.buildRunnerImage(engine, work);
        server = SandboxServer.start(SandboxConfig.inDataDir(dataDir).withPort(0)
                .withRunnerLabel(TestLabels.KEY, TestLabels.runId()), engine);
        api = SandboxApi.forServer(server);
        drpcli = new Drpcli(server, work.resolve("tokens"));
        api.post("contexts", "{\"Name\":\"runner\",\"Engine\":\"docker-context\",\"Image\":\"" + runnerImage + "\"}");
        v48 = SandboxServer.start(SandboxConfig.inDataDir(v48DataDir).withPort(0)
                .withRunnerLabel(TestLabels.KEY, TestLabels.runId()).withContexts(ContextsFeature.PLUGIN_V4_8),
                engine);
        v48Api = SandboxApi.forServer(v48);
    }

    @AfterAll
    static void stop() {
        server.close();
        v48.close();
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

    /** How long the v4.8 plugin may take to load, download or refuse an image. */
    private static final Duration V48_PATIENCE = Duration.ofSeconds(30);

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

    @Test
    void anImageIsLoadedFromFilesDockerContextsNotFromTheV47Path() throws Exception {
        String image = "drpconsole-test/new-place_v1.0.0:" + TestLabels.runId();
        upload("docker-contexts/" + image, savedImageMissingFromTheEngine(image));
        String old = "drpconsole-test/old-place_v1.0.0:" + TestLabels.runId();
        upload("contexts/docker-context/" + old, savedImageMissingFromTheEngine(old));

        String loaded = runnerIn("new-place", image, "");
        String missing = runnerIn("old-place", old, "");
        waitFor("the runner of the newer layout runs", V48_PATIENCE, () -> running(loaded));
        waitFor("the old path is not looked at", V48_PATIENCE,
                () -> pluginErrors().contains("files/docker-contexts/" + old));
        v48Api.delete("machines/" + loaded);
        v48Api.delete("machines/" + missing);
    }

    @Test
    void imagepullDownloadsAMissingImageAndChecksumGuardsIt() throws Exception {
        String image = "drpconsole-test/pulled_v1.0.0:" + TestLabels.runId();
        byte[] tar = savedImageMissingFromTheEngine(image);
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/pulled.tar", exchange -> {
            exchange.sendResponseHeaders(200, tar.length);
            exchange.getResponseBody().write(tar);
            exchange.close();
        });
        http.start();
        try {
            String url = "http://127.0.0.1:" + http.getAddress().getPort() + "/pulled.tar";
            String pulled = runnerIn("pulled", image, "\"Imagepull\":\"" + url + "\",\"Checksum\":\"" + sha256(tar)
                    + "\"");
            waitFor("the pulled image runs", V48_PATIENCE, () -> running(pulled));
            assertEquals(200, v48Api.get("files/docker-contexts/" + image).status(), "kept where the plugin looks");
            v48Api.delete("machines/" + pulled);
        } finally {
            http.stop(0);
        }
    }

    @Test
    void aTarFailingMetaChecksumIsRemovedAndTheRunnerDoesNotStart() throws Exception {
        String image = "drpconsole-test/tampered_v1.0.0:" + TestLabels.runId();
        upload("docker-contexts/" + image, savedImageMissingFromTheEngine(image));

        String uuid = runnerIn("tampered", image, "\"Checksum\":\"" + "0".repeat(64) + "\"");
        waitFor("the mismatch is reported", V48_PATIENCE,
                () -> pluginErrors().contains("does not match Meta.Checksum"));
        assertEquals(404, v48Api.get("files/docker-contexts/" + image).status(), "the plugin removed the tar");
        assertTrue(!running(uuid));
        v48Api.delete("machines/" + uuid);
    }

    private static void upload(String path, byte[] tar) {
        assertEquals(201, v48Api.send("POST", "files/" + path, "application/octet-stream", tar).status());
    }

    /** A context for the image and a runner machine in it on the v4.8 sandbox; returns the machine's UUID. */
    private static String runnerIn(String context, String image, String meta) {
        v48Api.post("contexts", "{\"Name\":\"" + context + "\",\"Engine\":\"docker-context\",\"Image\":\"" + image
                + "\",\"Meta\":{" + meta + "}}");
        return v48Api.post("machines", "{\"Name\":\"" + context + "-runner\",\"Meta\":{\"BaseContext\":\"" + context
                + "\"}}").json().path("Uuid").asText();
    }

    private static String pluginErrors() {
        return v48Api.get("plugins/docker-context").json().path("PluginErrors").toString();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
