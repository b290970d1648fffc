package dev.drpconsole.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.Version;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DockerEngine without a real engine: product detection, and how a missing or stuck engine is reported. */
class DockerEngineTest {

    static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
            false);
    static final EngineEndpoint ENDPOINT = EngineEndpoint.of(URI.create("unix:///var/run/docker.sock"), "default socket");

    @TempDir
    Path dir;

    @Test
    void dockerEngineIsRecognised() throws IOException {
        Version version = JSON.readValue("""
                {"Platform":{"Name":""},"Components":[{"Name":"Engine","Version":"20.10.24+dfsg1"},
                 {"Name":"containerd","Version":"1.6.20"}],
                 "Version":"20.10.24+dfsg1","ApiVersion":"1.41","Os":"linux","Arch":"amd64"}""", Version.class);

        EngineInfo info = DockerEngine.toEngineInfo(version, ENDPOINT);

        assertEquals(new EngineInfo(EngineProduct.DOCKER, "20.10.24+dfsg1", "1.41", "linux", "amd64",
                ENDPOINT.host(), "default socket"), info);
    }

    @Test
    void podmanIsRecognisedByItsComponentAndReportsItsOwnVersion() throws IOException {
        Version version = JSON.readValue("""
                {"Platform":{"Name":"linux/amd64/debian-12"},
                 "Components":[{"Name":"Podman Engine","Version":"4.3.1","Details":{"APIVersion":"4.3.1"}},
                  {"Name":"Conmon","Version":"conmon version 2.1.6"}],
                 "Version":"4.3.1","ApiVersion":"1.41","Os":"linux","Arch":"amd64"}""", Version.class);

        EngineInfo info = DockerEngine.toEngineInfo(version, ENDPOINT);

        assertEquals(EngineProduct.PODMAN, info.product());
        assertEquals("4.3.1", info.version());
        assertTrue(info.summary().startsWith("Podman 4.3.1 (API 1.41, linux/amd64) at unix://"), info.summary());
    }

    @Test
    void missingSocketIsReportedFastWithAFix() {
        EngineEndpoint nowhere = EngineEndpoint.of(URI.create("unix://" + dir.resolve("docker.sock")), "test");
        long started = System.nanoTime();

        try (DockerEngine engine = DockerEngine.open(nowhere)) {
            EngineUnavailableException error = assertThrows(EngineUnavailableException.class, engine::info);

            assertEquals("No Docker engine answers at " + nowhere.host() + " (socket not found)", error.reason());
            assertTrue(error.fixHint().contains("dockerd"), error.fixHint());
        }
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 2000, "reported within 2 s");
    }

    @Test
    void engineThatAcceptsButNeverAnswersIsReportedAfterTheAnswerDeadline() throws IOException {
        Path socket = dir.resolve("stuck.sock");
        try (ServerSocketChannel stuck = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            stuck.bind(UnixDomainSocketAddress.of(socket)); // accepts into the backlog, never answers
            long started = System.nanoTime();

            try (DockerEngine engine = DockerEngine.open(EngineEndpoint.of(URI.create("unix://" + socket), "test"))) {
                EngineUnavailableException error = assertThrows(EngineUnavailableException.class, engine::info);

                assertTrue(error.reason().contains("did not answer within 5 s"), error.reason());
            }
            long tookMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            assertTrue(tookMillis < DockerEngine.ANSWER_DEADLINE.toMillis() + 1500, "took " + tookMillis + " ms");
        }
    }
}
