package dev.drpconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.drpconsole.core.engine.EngineChoice;
import dev.drpconsole.core.engine.EngineEndpoint;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Where the sandbox's runners go by default, decided as the real docker-context plugin decides (Podman when it is
 * there, else Docker), with made-up sockets: which answer is the test's to say.
 */
class PluginDefaultEngineTest {

    private static final URI ROOTFUL = URI.create("unix:///run/podman/podman.sock");
    private static final URI ROOTLESS = URI.create("unix:///run/user/1000/podman/podman.sock");
    private static final EngineEndpoint DOCKER = EngineEndpoint.of(URI.create("unix:///var/run/docker.sock"),
            "default socket");

    private final List<URI> probed = new ArrayList<>();
    private final List<String> dockerAsked = new ArrayList<>();

    private PluginDefaultEngine.Decision decide(Set<URI> answering) {
        Supplier<EngineEndpoint> docker = () -> {
            dockerAsked.add("asked");
            return DOCKER;
        };
        return new PluginDefaultEngine(List.of(ROOTFUL, ROOTLESS), socket -> {
            probed.add(socket);
            return answering.contains(socket);
        }, docker).decide();
    }

    @Test
    void aPodmanSocketThatAnswersIsUsedAndTheLogSaysWhy() {
        PluginDefaultEngine.Decision decision = decide(Set.of(ROOTFUL));
        assertEquals(ROOTFUL, decision.endpoint().host());
        assertEquals("a Podman socket answered; as the docker-context plugin prefers Podman", decision.why());
        assertEquals(List.of(), dockerAsked, "with Podman there, Docker is not looked for");
    }

    @Test
    void withoutPodmanItIsTheEngineTheDockerCliWouldUse() {
        PluginDefaultEngine.Decision decision = decide(Set.of());
        assertEquals(DOCKER, decision.endpoint());
        assertEquals(List.of(ROOTFUL, ROOTLESS), probed);
        assertEquals("no Podman socket answered, so the engine the docker CLI would use: default socket",
                decision.why());
    }

    @Test
    void withBothPodmanWins() {
        assertEquals(ROOTFUL, decide(Set.of(ROOTFUL, ROOTLESS, DOCKER.host())).endpoint().host());
        assertEquals(List.of(ROOTFUL), probed, "the first Podman socket that answers ends the search");
    }

    @Test
    void theUsersOwnPodmanCountsWhenTheSystemOneIsSilent() {
        assertEquals(ROOTLESS, decide(Set.of(ROOTLESS, DOCKER.host())).endpoint().host());
        assertEquals(List.of(ROOTFUL, ROOTLESS), probed);
    }

    @Test
    void podmanListensRootfulFirstThenInTheSessionsRuntimeDir() {
        assertEquals(List.of(ROOTFUL, ROOTLESS),
                PluginDefaultEngine.podmanSockets(Map.of("XDG_RUNTIME_DIR", "/run/user/1000")));
        assertEquals(List.of(ROOTFUL), PluginDefaultEngine.podmanSockets(Map.of()));
        assertEquals(List.of(ROOTFUL), PluginDefaultEngine.podmanSockets(Map.of("XDG_RUNTIME_DIR", " ")));
    }

    @Test
    void theConsoleIsToldTheSocketOrAddressNeverLocal() {
        assertEquals(new EngineChoice.Socket(ROOTFUL),
                RunnerEngineInUse.reachableAs(EngineEndpoint.of(ROOTFUL, "Podman socket"), EngineChoice.LOCAL));
        Path certificates = Path.of("/home/u/.docker/certs");
        assertEquals(new EngineChoice.Tcp(URI.create("tcp://drp1:2376"), Optional.of(certificates)),
                RunnerEngineInUse.reachableAs(new EngineEndpoint(URI.create("tcp://drp1:2376"), "DOCKER_HOST",
                        certificates), EngineChoice.LOCAL));
        EngineChoice context = new EngineChoice.DockerContext("win");
        assertEquals(context, RunnerEngineInUse.reachableAs(EngineEndpoint.of(
                URI.create("npipe:////./pipe/docker_engine"), "docker context 'win'"), context),
                "a named pipe is no address the console can write: the choice it was found by is kept");
    }
}
