package dev.drpconsole.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.InternalServerErrorException;
import com.github.dockerjava.api.exception.NotFoundException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import org.junit.jupiter.api.Test;

class EngineErrorTranslatorTest {

    static final EngineEndpoint DOCKER_SOCKET =
            EngineEndpoint.of(URI.create("unix:///var/run/docker.sock"), "default socket");
    static final EngineEndpoint PODMAN_SOCKET =
            EngineEndpoint.of(URI.create("unix:///run/podman/podman.sock"), "Podman socket");

    final EngineErrorTranslator docker = new EngineErrorTranslator(DOCKER_SOCKET);

    @Test
    void missingObjectBecomesNotFoundWithTheEnginesOwnWords() {
        EngineException error = docker.translate(new NotFoundException("{\"message\":\"No such container: x\"}\n"));

        assertInstanceOf(EngineObjectNotFoundException.class, error);
        assertEquals("No such container: x", error.getMessage());
        assertEquals(404, error.statusCode());
    }

    @Test
    void conflictKeepsItsStatusSoCallersCanTellNameInUse() {
        EngineException error = docker.translate(new ConflictException(
                "{\"message\":\"Conflict. The container name \\\"/a\\\" is already in use\"}"));

        assertTrue(error.isConflict());
        assertEquals("Conflict. The container name \"/a\" is already in use", error.getMessage());
    }

    @Test
    void podmansConflictsAnsweredWith500AreConflictsToo() {
        EngineException nameTaken = docker.translate(new InternalServerErrorException("{\"cause\":\"that name is"
                + " already in use\",\"message\":\"container create: the container name \\\"a\\\" is already in"
                + " use\",\"response\":500}"));
        EngineException stillRunning = docker.translate(new InternalServerErrorException("{\"cause\":\"container"
                + " state improper\",\"message\":\"cannot remove container 9531 as it is running\",\"response\":500}"));
        EngineException otherFailure = docker.translate(new InternalServerErrorException("{\"cause\":\"no space"
                + " left on device\",\"message\":\"disk full\",\"response\":500}"));

        assertTrue(nameTaken.isConflict());
        assertEquals("container create: the container name \"a\" is already in use", nameTaken.getMessage());
        assertTrue(stillRunning.isConflict());
        assertEquals(500, otherFailure.statusCode());
    }

    @Test
    void podmansRaceWithARemovalAnsweredWith500IsNotFound() {
        EngineException gone = docker.translate(new InternalServerErrorException("{\"cause\":\"no such container\","
                + "\"message\":\"no container with name or ID \\\"drp-runner-1\\\" found: no such container\","
                + "\"response\":500}"));

        assertTrue(gone instanceof EngineObjectNotFoundException, gone.getClass().getName());
    }

    @Test
    void nonJsonErrorBodyIsShownAsIs() {
        EngineException error = docker.translate(new InternalServerErrorException("plain failure\n"));

        assertEquals("plain failure", error.getMessage());
        assertEquals(500, error.statusCode());
    }

    @Test
    void aStreamCutMidChunkIsACutConnectionWhereverItFell() {
        for (String words : new String[] {"CRLF expected at end of chunk", "Truncated chunk (expected size: 32768;"
                + " actual size: 5)", "Premature end of chunk coded message body: closing chunk expected"}) {
            EngineUnavailableException error = unavailable(docker, new RuntimeException(new java.io.IOException(words)));

            assertTrue(error.reason().endsWith("(the connection was cut)"), error.reason());
        }
    }

    @Test
    void missingSocketSaysNoEngineAnswersAndHowToStartOne() {
        EngineUnavailableException error = unavailable(docker,
                new RuntimeException(new SocketException("No such file or directory")));

        assertEquals("No Docker engine answers at unix:///var/run/docker.sock (socket not found)", error.reason());
        assertTrue(error.fixHint().contains("sudo dockerd &"), error.fixHint());
        assertTrue(error.fixHint().contains("DOCKER_HOST"), error.fixHint());
    }

    @Test
    void refusedConnectionSaysSo() {
        EngineUnavailableException error = unavailable(docker,
                new RuntimeException(new SocketException("Connection refused")));

        assertEquals("No Docker engine answers at unix:///var/run/docker.sock (connection refused)", error.reason());
    }

    @Test
    void permissionDeniedPointsToTheDockerGroup() {
        EngineUnavailableException error = unavailable(docker,
                new RuntimeException(new SocketException("Permission denied")));

        assertTrue(error.reason().endsWith("(permission denied)"), error.reason());
        assertTrue(error.fixHint().contains("docker group"), error.fixHint());
    }

    @Test
    void podmanSocketGetsPodmanWordsAndHints() {
        EngineErrorTranslator podman = new EngineErrorTranslator(PODMAN_SOCKET);

        EngineUnavailableException error = unavailable(podman,
                new RuntimeException(new SocketException("No such file or directory")));

        assertTrue(error.reason().startsWith("No Podman engine answers"), error.reason());
        assertTrue(error.fixHint().contains("podman system service"), error.fixHint());
    }

    @Test
    void anEngineOverSshIsNamedByItsSshAddressNotByTheTunnelsSocket() {
        EngineUnavailableException error = (EngineUnavailableException) new EngineErrorTranslator(EngineEndpoint.of(
                URI.create("unix:///tmp/drp-ssh-123/engine.sock"), "ssh://root@drp1/run/podman/podman.sock"))
                .translate(new RuntimeException(new SocketException("Connection reset")));

        assertEquals("No engine answers at ssh://root@drp1/run/podman/podman.sock (the connection was cut)",
                error.reason());
        assertTrue(error.fixHint().startsWith("The ssh connection may have dropped"), error.fixHint());
    }

    @Test
    void slowTcpEngineGetsANetworkHint() {
        EngineErrorTranslator tcp = new EngineErrorTranslator(
                EngineEndpoint.of(URI.create("tcp://engine.example:2375"), "DOCKER_HOST"));

        EngineUnavailableException error = unavailable(tcp,
                new RuntimeException(new SocketTimeoutException("Connect timed out")));

        assertTrue(error.reason().endsWith("(no answer in time)"), error.reason());
        assertTrue(error.fixHint().contains("reachable"), error.fixHint());
    }

    @Test
    void messageCombinesReasonAndHintWithoutAStackTrace() {
        EngineUnavailableException error = unavailable(docker,
                new RuntimeException(new SocketException("Connection refused")));

        assertEquals(error.reason() + ". " + error.fixHint(), error.getMessage());
    }

    private static EngineUnavailableException unavailable(EngineErrorTranslator translator, Throwable failure) {
        return assertInstanceOf(EngineUnavailableException.class, translator.translate(failure));
    }
}
