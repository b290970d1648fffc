package dev.drpconsole.sandbox;

import dev.drpconsole.core.engine.DockerEngine;
import dev.drpconsole.core.engine.EngineEndpoint;
import dev.drpconsole.core.engine.EngineException;
import dev.drpconsole.core.engine.EngineLocator;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The engine the real docker-context plugin would pick on this machine: "if podman is present on the system we
 * will use it" (real-drp-differences E.18), else Docker. "Present" is taken as "a Podman socket answers", rootful
 * ({@code /run/podman/podman.sock}) before rootless ({@code $XDG_RUNTIME_DIR/podman/podman.sock}); an installed
 * but stopped Podman service cannot run runners. Without Podman it is the engine the docker CLI would use
 * ({@link EngineLocator}). The candidates, the probe and the Docker lookup are given, so tests decide without real
 * sockets.
 */
final class PluginDefaultEngine {

    /** Which engine, and why, in words for the start-up log line. */
    record Decision(EngineEndpoint endpoint, String why) {
    }

    private final List<URI> podmanSockets;
    private final Predicate<URI> answers;
    private final Supplier<EngineEndpoint> docker;

    /**
     * @param podmanSockets the Podman sockets to try, in order
     * @param answers       whether an engine answers at a socket
     * @param docker        the docker CLI's engine, asked only when no Podman socket answers
     */
    PluginDefaultEngine(List<URI> podmanSockets, Predicate<URI> answers, Supplier<EngineEndpoint> docker) {
        this.podmanSockets = List.copyOf(podmanSockets);
        this.answers = answers;
        this.docker = docker;
    }

    /** This machine's Podman sockets and its docker CLI engine. */
    static PluginDefaultEngine forThisMachine() {
        return probing(podmanSockets(System.getenv()));
    }

    /** These Podman sockets, each probed by asking its engine's version, else this user's docker CLI engine. */
    static PluginDefaultEngine probing(List<URI> podmanSockets) {
        return new PluginDefaultEngine(podmanSockets, PluginDefaultEngine::answers,
                () -> EngineLocator.forCurrentUser().locate());
    }

    /** Where Podman's service listens: rootful, then the user's own when the session has a runtime dir. */
    static List<URI> podmanSockets(Map<String, String> environment) {
        List<URI> sockets = new ArrayList<>();
        sockets.add(URI.create("unix:///run/podman/podman.sock"));
        Optional.ofNullable(environment.get("XDG_RUNTIME_DIR")).filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "podman", "podman.sock").toAbsolutePath())
                .ifPresent(socket -> sockets.add(URI.create("unix://" + socket)));
        return sockets;
    }

    /**
     * @throws dev.drpconsole.core.engine.EngineUnavailableException when there is no Podman and the docker CLI's
     *                                                               configuration names an unusable engine
     */
    Decision decide() {
        for (URI socket : podmanSockets) {
            if (answers.test(socket)) {
                return new Decision(EngineEndpoint.of(socket, "Podman socket"),
                        "a Podman socket answered; as the docker-context plugin prefers Podman");
            }
        }
        EngineEndpoint found = docker.get();
        return new Decision(found, "no Podman socket answered, so the engine the docker CLI would use: "
                + found.source());
    }

    private static boolean answers(URI socket) {
        try (DockerEngine engine = DockerEngine.open(EngineEndpoint.of(socket, "Podman socket"))) {
            engine.info();
            return true;
        } catch (EngineException e) {
            return false;
        }
    }
}
