package dev.drpconsole.packaged;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A DRP endpoint whose runners live on another engine than the one the console builds on, reached only over ssh:
 * the packaged sandbox runs its runners on the Podman service (as the plugin on a DRP server), the packaged
 * {@code setup} builds on Docker and watches Podman through {@code ssh://user@127.0.0.1:<port>/<podman socket>} to
 * the test sshd. The image is uploaded (Podman does not hold it), the sandbox loads it into Podman, the runner's
 * container runs there and the runner step sees it over ssh, the test job finishes; clean-up leaves nothing on
 * either engine.
 */
@Tag("engine")
@Tag("sandbox")
class TwoEngineSetupIT {
    private static final String PASSWORD = "two-engine-it-secret";
    private static final Pattern FINGERPRINT = Pattern.compile("--fingerprint ((?:[0-9A-F]{2}:){31}[0-9A-F]{2})");

    @TempDir
    Path dir;
    private PackagedJar.Sandbox sandbox;
    private String url;
    private final String tag = "drpconsole-test/two-engines:" + TestLabels.runId();

    @BeforeEach
    void startSandboxWithRunnersOnPodman() throws Exception {
        sandbox = PackagedJar.sandbox(dir, PASSWORD, TestEnv.get().podmanHost());
        url = sandbox.url();
    }

    @AfterEach
    void stop() throws Exception {
        try {
            run("setup", "--clean-up", "--endpoint", url, "--password", PASSWORD, "--settings", settings(),
                    "--runner-engine", runnerEngine(), "--ssh-config", TestEnv.get().sshConfig().toString());
        } finally {
            sandbox.close();
            try (ContainerEngine docker = docker(); ContainerEngine podman = podman()) {
                TestCleanup.removeEverythingOfThisRun(docker);
                TestCleanup.removeEverythingOfThisRun(podman);
                if (podman.images().exists(tag)) {
                    podman.images().remove(tag, true);
                }
            }
        }
    }

    @Test
    void headlessSetupBuildsOnDockerAndWatchesTheRunnerOnPodmanOverSsh() throws Exception {
        Matcher fingerprint = FINGERPRINT.matcher(setup().err());
        assertTrue(fingerprint.find(), "the certificate's fingerprint is printed");

        Result done = setup("--fingerprint", fingerprint.group(1));

        assertEquals(0, done.exit(), done.text());
        assertTrue(done.out().contains("Runners:  Podman"), "the runner engine is named: " + done.text());
        assertTrue(done.out().contains("Uploaded files/contexts/docker-context/" + tag),
                "Podman does not hold the image, so it is uploaded: " + done.text());
        Matcher running = Pattern.compile("(drp-runner-[0-9a-f-]{36}) is running").matcher(done.out());
        assertTrue(running.find(), "the runner step saw the container over ssh: " + done.text());
        assertTrue(done.out().contains("context-demo: hello from the runner container"), done.text());
        try (ContainerEngine docker = docker(); ContainerEngine podman = podman()) {
            assertTrue(names(podman).contains(running.group(1)), "the runner runs on Podman");
            assertFalse(names(docker).contains(running.group(1)), "and not on Docker");
            assertTrue(podman.images().exists(tag), "the sandbox loaded the image into Podman");
        }

        Result cleaned = run("setup", "--clean-up", "--endpoint", url, "--password", PASSWORD, "--settings",
                settings(), "--runner-engine", runnerEngine(), "--ssh-config", TestEnv.get().sshConfig().toString());
        assertEquals(0, cleaned.exit(), cleaned.text());
        try (ContainerEngine docker = docker(); ContainerEngine podman = podman()) {
            assertFalse(names(podman).contains(running.group(1)), "the runner's container is gone");
            assertFalse(podman.images().exists(tag), tag + " left on Podman: " + cleaned.text());
            assertFalse(docker.images().exists(tag), tag + " left on Docker: " + cleaned.text());
        }
    }

    private static List<String> names(ContainerEngine engine) {
        return engine.containers().list(ContainerQuery.all()).stream().map(ContainerSummary::name).toList();
    }

    private static String runnerEngine() {
        return TestEnv.get().podmanOverSsh().text();
    }

    private Result setup(String... extra) throws Exception {
        List<String> command = new ArrayList<>(List.of("setup", "--endpoint", url, "--password", PASSWORD,
                "--settings", settings(), "--base-image", TestEnv.get().baseImage(), "--drpcli",
                TestEnv.get().drpcli().toString(), "--tag", tag, "--label", TestLabels.KEY + "=" + TestLabels.runId(),
                "--runner-engine", runnerEngine(), "--ssh-config", TestEnv.get().sshConfig().toString()));
        command.addAll(List.of(extra));
        return run(command.toArray(String[]::new));
    }

    private Result run(String... arguments) throws Exception {
        return PackagedJar.run(dir, List.of(arguments));
    }

    private static ContainerEngine docker() {
        return DockerEngine.open(EngineEndpoint.of(TestEnv.get().dockerHost(), "test"));
    }

    private static ContainerEngine podman() {
        return DockerEngine.open(EngineEndpoint.of(TestEnv.get().podmanHost(), "test"));
    }

    private String settings() {
        return dir.resolve("settings").toString();
    }
}
