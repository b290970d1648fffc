package dev.drpconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.drpconsole.core.engine.DockerEngine;
import dev.drpconsole.core.engine.EngineObjectNotFoundException;
import dev.drpconsole.testsupport.TestCleanup;
import dev.drpconsole.testsupport.TestLabels;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * E.20: the sandbox as an endpoint with the v4.8+ docker-context plugin: images from files/docker-contexts/,
 * downloaded from Meta.Imagepull (here a local HTTP server: no registry is reachable) and checked against
 * Meta.Checksum.
 */
@Tag("engine")
@Tag("sandbox")
class DockerContextPluginV48Test {

    @TempDir
    static Path dataDir;
    @TempDir
    static Path work;
    static DockerEngine engine;
    static String runnerImage;
    static SandboxServer server;
    static SandboxApi api;

    @BeforeAll
    static void start() throws Exception {
        engine = RunnerImageFixture.openEngine();
        runnerImage = RunnerImageFixture.buildRunnerImage(engine, work);
        server = SandboxServer.start(SandboxConfig.inDataDir(dataDir).withPort(0)
                .withRunnerLabel(TestLabels.KEY, TestLabels.runId()).withContexts(ContextsFeature.PLUGIN_V4_8),
                engine);
        api = SandboxApi.forServer(server);
    }

    @AfterAll
    static void stop() {
        server.close();
        TestCleanup.removeEverythingOfThisRun(engine);
        engine.close();
    }

    @Test
    void anImageIsLoadedFromFilesDockerContextsNotFromTheV47Path() throws Exception {
        String image = "drpconsole-test/new-place_v1.0.0:" + TestLabels.runId();
        upload("docker-contexts/" + image, saved(image));
        String old = "drpconsole-test/old-place_v1.0.0:" + TestLabels.runId();
        upload("contexts/docker-context/" + old, saved(old));

        String loaded = runnerIn("new-place", image, "");
        String missing = runnerIn("old-place", old, "");
        waitFor("the runner of the newer layout runs", () -> running(loaded));
        waitFor("the old path is not looked at", () -> pluginErrors().contains("files/docker-contexts/" + old));
        api.delete("machines/" + loaded);
        api.delete("machines/" + missing);
    }

    @Test
    void imagepullDownloadsAMissingImageAndChecksumGuardsIt() throws Exception {
        String image = "drpconsole-test/pulled_v1.0.0:" + TestLabels.runId();
        byte[] tar = saved(image);
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
            waitFor("the pulled image runs", () -> running(pulled));
            assertEquals(200, api.get("files/docker-contexts/" + image).status(), "kept where the plugin looks");
            api.delete("machines/" + pulled);
        } finally {
            http.stop(0);
        }
    }

    @Test
    void aTarFailingMetaChecksumIsRemovedAndTheRunnerDoesNotStart() throws Exception {
        String image = "drpconsole-test/tampered_v1.0.0:" + TestLabels.runId();
        upload("docker-contexts/" + image, saved(image));

        String uuid = runnerIn("tampered", image, "\"Checksum\":\"" + "0".repeat(64) + "\"");
        waitFor("the mismatch is reported", () -> pluginErrors().contains("does not match Meta.Checksum"));
        assertEquals(404, api.get("files/docker-contexts/" + image).status(), "the plugin removed the tar");
        assertTrue(!running(uuid));
        api.delete("machines/" + uuid);
    }

    private static byte[] saved(String image) throws Exception {
        return RunnerImageFixture.savedImageMissingFromTheEngine(engine, runnerImage, work, image);
    }

    private static void upload(String path, byte[] tar) {
        assertEquals(201, api.send("POST", "files/" + path, "application/octet-stream", tar).status());
    }

    /** A context for the image and a runner machine in it; returns the machine's UUID. */
    private static String runnerIn(String context, String image, String meta) {
        api.post("contexts", "{\"Name\":\"" + context + "\",\"Engine\":\"docker-context\",\"Image\":\"" + image
                + "\",\"Meta\":{" + meta + "}}");
        return api.post("machines", "{\"Name\":\"" + context + "-runner\",\"Meta\":{\"BaseContext\":\"" + context
                + "\"}}").json().path("Uuid").asText();
    }

    private static String pluginErrors() {
        return api.get("plugins/docker-context").json().path("PluginErrors").toString();
    }

    private static boolean running(String uuid) {
        try {
            return engine.containers().inspect("drp-runner-" + uuid).running();
        } catch (EngineObjectNotFoundException e) {
            return false;
        }
    }

    private static void waitFor(String what, Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within 30 s: " + what);
            }
            Thread.sleep(250);
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
