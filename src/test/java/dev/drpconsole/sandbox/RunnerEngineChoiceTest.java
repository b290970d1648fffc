package dev.drpconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drpconsole.core.engine.ContainerEngine;
import dev.drpconsole.core.engine.ContainerQuery;
import dev.drpconsole.core.engine.ContainerSummary;
import dev.drpconsole.core.engine.DockerEngine;
import dev.drpconsole.core.engine.EngineChoice;
import dev.drpconsole.core.engine.EngineEndpoint;
import dev.drpconsole.core.engine.EngineLocator;
import dev.drpconsole.core.engine.EngineProduct;
import dev.drpconsole.testsupport.TestCleanup;
import dev.drpconsole.testsupport.TestEnv;
import dev.drpconsole.testsupport.TestLabels;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which engine the sandbox's runners run on (real-drp-differences E.18): the one named with {@code --engine},
 * else Podman when a Podman socket answers, else the docker CLI's; and the sandbox says which, in the form the
 * console opens. Against the provisioned Docker and Podman.
 */
@Tag("engine")
@Tag("sandbox")
class RunnerEngineChoiceTest {

    private static final URI NO_SUCH_SOCKET = URI.create("unix:///nonexistent/podman/podman.sock");

    @TempDir
    static Path work;
    static DockerEngine docker;
    static DockerEngine podman;
    static URI podmanHost;

    @BeforeAll
    static void openEngines() {
        docker = RunnerImageFixture.openEngine();
        podmanHost = TestEnv.get().podmanHost();
        podman = DockerEngine.open(EngineEndpoint.of(podmanHost, "test-env.properties"));
        assertEquals(EngineProduct.PODMAN, podman.info().product(), TestEnv.howToFix());
    }

    @AfterAll
    static void cleanUp() {
        TestCleanup.removeEverythingOfThisRun(podman);
        TestCleanup.removeEverythingOfThisRun(docker);
        podman.close();
        docker.close();
    }

    @Test
    void withEnginePodmanARunnerWhoseImageWasOnlyUploadedRunsOnPodmanAndNotOnDocker() throws Exception {
        String image = "drpconsole-test/podman-runner:" + TestLabels.runId();
        byte[] saved = savedFromDockerOnly(image);
        assertFalse(podman.images().exists(image), "the image must come from the files API, not be there already");
        SandboxConfig config = SandboxArguments.parse(List.of("--port", "0", "--engine", podmanHost.toString()),
                work.resolve("podman-data")).toConfig().withRunnerLabel(TestLabels.KEY, TestLabels.runId());
        try (SandboxServer server = SandboxServer.start(config)) {
            assertEquals(Optional.of(new EngineChoice.Socket(podmanHost)), server.runnerEngine());
            SandboxApi api = SandboxApi.forServer(server);
            api.send("POST", "files/contexts/docker-context/" + image, "application/octet-stream", saved);
            api.post("contexts", "{\"Name\":\"on-podman\",\"Engine\":\"docker-context\",\"Image\":\"" + image + "\"}");
            String uuid = api.post("machines", "{\"Name\":\"podman-runner\",\"Meta\":{\"BaseContext\":\"on-podman\"}}")
                    .json().path("Uuid").asText();

            waitFor("the runner runs on Podman", Duration.ofSeconds(60),
                    () -> runner(podman, uuid).map(found -> "running".equals(found.state())).orElse(false));
            assertTrue(podman.images().exists(image), "the uploaded image was loaded into Podman");
            assertEquals(Optional.empty(), runner(docker, uuid), "nothing runs for the machine on Docker");
            assertFalse(docker.images().exists(image), "and nothing was loaded into Docker");

            api.delete("machines/" + uuid);
            waitFor("the runner goes with its machine", Duration.ofSeconds(30), () -> runner(podman, uuid).isEmpty());
        }
    }

    @Test
    void byDefaultAPodmanSocketThatAnswersWinsAndWithoutOneItIsTheDockerClisEngine() throws Exception {
        RunnerEngineInUse withPodman = openDefault(List.of(NO_SUCH_SOCKET, podmanHost));
        try (ContainerEngine engine = withPodman.engine()) {
            assertEquals(EngineProduct.PODMAN, engine.info().product());
            assertEquals(new EngineChoice.Socket(podmanHost), withPodman.choice());
        }
        RunnerEngineInUse withoutPodman = openDefault(List.of(NO_SUCH_SOCKET));
        try (ContainerEngine engine = withoutPodman.engine()) {
            assertEquals(EngineProduct.DOCKER, engine.info().product());
            assertEquals(RunnerEngineInUse.reachableAs(EngineLocator.forCurrentUser().locate(), EngineChoice.LOCAL),
                    withoutPodman.choice());
        }
    }

    @Test
    void aNamedLocalEngineIsReportedAsTheSocketItResolvedTo() throws Exception {
        SandboxConfig config = SandboxConfig.inDataDir(work.resolve("local-data")).withPort(0)
                .withRunnerEngine(RunnerEngine.of(EngineChoice.LOCAL));
        try (SandboxServer server = SandboxServer.start(config)) {
            EngineChoice reported = server.runnerEngine().orElseThrow();
            assertEquals(RunnerEngineInUse.reachableAs(EngineLocator.forCurrentUser().locate(), EngineChoice.LOCAL),
                    reported);
            assertTrue(reported.text().startsWith("unix:///") || reported.text().startsWith("tcp://"),
                    reported.text());
        }
        try (SandboxServer server = SandboxServer.start(config.withoutRunners())) {
            assertEquals(Optional.empty(), server.runnerEngine(), "no runners, no engine to watch");
        }
    }

    @Test
    void aNamedEngineThatCannotBeUsedStopsTheStartWithTheReason() {
        String context = "no-such-context-" + TestLabels.runId();
        SandboxConfig config = SandboxConfig.inDataDir(work.resolve("bad-data")).withPort(0)
                .withRunnerEngine(RunnerEngine.of(new EngineChoice.DockerContext(context)));
        String message = assertThrows(SandboxStartException.class, () -> SandboxServer.start(config)).getMessage();
        assertTrue(message.startsWith("Cannot use the runner engine context:" + context + ": "), message);
        assertTrue(message.contains("does not exist"), message);
    }

    private static RunnerEngineInUse openDefault(List<URI> podmanSockets) throws SandboxStartException {
        return RunnerEngineInUse.open(RunnerEngine.PLUGIN_DEFAULT, PluginDefaultEngine.probing(podmanSockets))
                .orElseThrow();
    }

    /** The image under a tag of this run, saved from Docker, and the tag removed from Docker again. */
    private static byte[] savedFromDockerOnly(String image) throws Exception {
        docker.images().tag(RunnerImageFixture.buildRunnerImage(docker, work), image);
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        docker.images().save(image, tar);
        docker.images().remove(image, false);
        return tar.toByteArray();
    }

    /**
     * The machine's runner on an engine, found in the list rather than by inspecting its name: Podman 4.3 answers an
     * inspect that races the container's removal with a 500 "no such container", not a 404.
     */
    private static Optional<ContainerSummary> runner(ContainerEngine engine, String uuid) {
        return engine.containers().list(ContainerQuery.all()).stream()
                .filter(container -> container.name().equals("drp-runner-" + uuid)).findFirst();
    }

    private static void waitFor(String what, Duration timeout, BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + timeout.toSeconds() + " s: " + what);
            }
            Thread.sleep(250);
        }
    }
}
