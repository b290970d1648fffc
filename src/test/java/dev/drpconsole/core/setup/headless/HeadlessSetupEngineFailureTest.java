package dev.drpconsole.core.setup.headless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drpconsole.core.engine.ContainerEngine;
import dev.drpconsole.core.engine.DockerEngine;
import dev.drpconsole.core.engine.EngineEndpoint;
import dev.drpconsole.sandbox.SandboxServer;
import dev.drpconsole.testsupport.SandboxEndpoint;
import dev.drpconsole.testsupport.TestCleanup;
import dev.drpconsole.testsupport.TestEnv;
import dev.drpconsole.testsupport.TestLabels;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine failing under {@code setup} is told in plain words with the way on, never a stack trace: a base image
 * in which nothing runs (no {@code cat}, no shell: an image imported from an empty tar) cannot be looked into.
 */
@Tag("engine")
@Tag("sandbox")
class HeadlessSetupEngineFailureTest {
    @RegisterExtension
    static final SandboxEndpoint SANDBOX = new SandboxEndpoint();

    @TempDir
    Path dir;

    @AfterAll
    static void removeTheImage() {
        try (ContainerEngine engine = docker()) {
            TestCleanup.removeEverythingOfThisRun(engine);
        }
    }

    @Test
    void aBaseImageNothingRunsInIsAPlainFailure() throws Exception {
        String image = "drpconsole-test/nothing-runs:" + TestLabels.runId();
        Path emptyTar = dir.resolve("empty.tar");
        Files.write(emptyTar, new byte[10240]); // a tar of no files: two zero blocks
        Process imported = new ProcessBuilder("docker", "--host", TestEnv.get().dockerHost().toString(), "import", "--change",
                "LABEL " + TestLabels.KEY + "=" + TestLabels.runId(), emptyTar.toString(), image)
                .redirectErrorStream(true).start();
        String importOutput = new String(imported.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(imported.waitFor(60, TimeUnit.SECONDS) && imported.exitValue() == 0, importOutput);

        SandboxServer server = SANDBOX.server();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new HeadlessSetup(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("DOCKER_HOST", TestEnv.get().dockerHost().toString()),
                dir).execute(List.of("--endpoint", server.url().toString(), "--password",
                server.adminPassword().password(), "--fingerprint", server.certificate().sha256Fingerprint(),
                "--settings", dir.resolve("settings").toString(), "--base-image", image, "--drpcli",
                TestEnv.get().drpcli().toString(), "--label", TestLabels.KEY + "=" + TestLabels.runId()));

        String said = err.toString(StandardCharsets.UTF_8);
        assertEquals(HeadlessSetup.STEP_FAILED, status, said + out);
        assertTrue(said.contains(image), said);
        assertTrue(said.contains("\"cat\": executable file not found"), "the engine's reason: " + said);
        assertFalse(said.contains("\tat ") || said.contains("Exception"), said);
    }

    private static ContainerEngine docker() {
        return DockerEngine.open(EngineEndpoint.of(TestEnv.get().dockerHost(), "test"));
    }
}
