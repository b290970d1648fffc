package dev.drpconsole.packaged;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drpconsole.core.engine.ContainerEngine;
import dev.drpconsole.core.engine.ContainerQuery;
import dev.drpconsole.core.engine.ContainerSummary;
import dev.drpconsole.core.engine.DockerEngine;
import dev.drpconsole.core.engine.EngineEndpoint;
import dev.drpconsole.packaged.PackagedJar.Result;
import dev.drpconsole.testsupport.TestCleanup;
import dev.drpconsole.testsupport.TestEnv;
import dev.drpconsole.testsupport.TestLabels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Headless setup killed (SIGKILL) while it reads the base image's {@code /etc/os-release} in a throwaway container:
 * the container outlives the console, and it is setup's, so {@code setup --clean-up} must remove it like everything
 * else setup made. (Found by the console-killed fault's analysis; the fault itself builds from a given Dockerfile.)
 */
@Tag("engine")
@Tag("sandbox")
class SetupKilledDuringProbeIT {
    private static final String PASSWORD = "probe-kill-it-secret";
    private static final Pattern FINGERPRINT = Pattern.compile("--fingerprint ((?:[0-9A-F]{2}:){31}[0-9A-F]{2})");

    @TempDir
    Path dir;
    private PackagedJar.Sandbox sandbox;
    private ContainerEngine engine;
    private final Map<String, String> labels = Map.of(TestLabels.KEY, TestLabels.runId(),
            "dev.drpconsole.test.case", "probe-kill");

    @BeforeEach
    void start() throws Exception {
        sandbox = PackagedJar.sandbox(dir, PASSWORD, TestEnv.get().dockerHost());
        engine = DockerEngine.open(EngineEndpoint.of(TestEnv.get().dockerHost(), "test"));
    }

    @AfterEach
    void stop() throws Exception {
        try {
            sandbox.close();
        } finally {
            TestCleanup.removeEverythingOfThisRun(engine);
            engine.close();
        }
    }

    @Test
    void aProbeContainerLeftByAKilledSetupIsRemovedByTheCleanUp() throws Exception {
        Matcher fingerprint = FINGERPRINT.matcher(PackagedJar.run(dir, List.of("setup", "--endpoint", sandbox.url(),
                "--password", PASSWORD, "--settings", settings())).err());
        assertTrue(fingerprint.find(), "the certificate's fingerprint is printed");
        List<String> command = new ArrayList<>(PackagedJar.readmeCommand());
        command.addAll(List.of("setup", "--endpoint", sandbox.url(), "--password", PASSWORD, "--fingerprint",
                fingerprint.group(1), "--settings", settings(), "--base-image", TestEnv.get().baseImage(),
                "--drpcli", TestEnv.get().drpcli().toString(), "--packages", "jq"));
        labels.forEach((key, value) -> command.addAll(List.of("--label", key + "=" + value)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("killed.txt").toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("RS_"));
        builder.environment().put("DOCKER_HOST", TestEnv.get().dockerHost().toString());
        Process console = builder.start();

        // Killed the moment the probe's container exists, before the console can remove it.
        List<ContainerSummary> probe = List.of();
        long deadline = System.currentTimeMillis() + 60_000;
        while (probe.isEmpty() && console.isAlive() && System.currentTimeMillis() < deadline) {
            probe = ours();
        }
        console.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertEquals(1, ours().size(), "the probe's container outlived the kill (else this test proves nothing): "
                + probe);

        Result cleaned = PackagedJar.run(dir, List.of("setup", "--clean-up", "--endpoint", sandbox.url(),
                "--password", PASSWORD, "--settings", settings()));

        assertEquals(0, cleaned.exit(), cleaned.text());
        assertEquals(List.of(), ours(), "setup's containers left after the clean-up: " + cleaned.text());
    }

    private List<ContainerSummary> ours() {
        return engine.containers().list(new ContainerQuery(true, labels));
    }

    private String settings() {
        return dir.resolve("settings").toString();
    }
}
