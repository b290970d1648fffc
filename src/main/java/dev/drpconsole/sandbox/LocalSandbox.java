package dev.drpconsole.sandbox;

import dev.drpconsole.core.engine.EngineChoice;
import dev.drpconsole.sandbox.auth.AdminPassword;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The sandbox the console runs for its user: one per console, on DRP's port when it is free, kept in the user's
 * sandbox data dir so its objects, certificate and password survive restarts of the console. Its runners run where
 * the headless sandbox's would by default (the real plugin's choice: Podman when a Podman socket answers, else the
 * docker CLI's engine). Blocking: call it from a background thread.
 */
public final class LocalSandbox implements AutoCloseable {
    private final SandboxConfig config;
    private SandboxServer server;

    public LocalSandbox(Path dataDir) {
        this.config = SandboxConfig.inDataDir(dataDir);
    }

    /**
     * What the user needs to reach a started sandbox.
     *
     * @param runnerEngine the engine its runner containers run on, as the console opens it from this machine (see
     *                     {@link SandboxServer#runnerEngine()}); empty when it runs none
     */
    public record Running(URI url, String adminUser, String adminPassword, Path passwordFile,
                          String certificateSha256, boolean onDrpPort, Optional<EngineChoice> runnerEngine) {
    }

    /**
     * Starts the sandbox, or returns the one already running. When DRP's port 8092 is taken (a real endpoint, a
     * headless sandbox) it takes any free port instead, and says so through {@link Running#onDrpPort()}.
     *
     * @throws SandboxStartException when it cannot start at all, with the reason in plain words
     */
    public synchronized Running start() throws SandboxStartException {
        if (server == null) {
            try {
                server = SandboxServer.start(config);
            } catch (SandboxStartException portTaken) {
                server = SandboxServer.start(config.withPort(0));
            }
        }
        return new Running(server.url(), AdminPassword.ADMIN_USER, server.adminPassword().password(),
                server.adminPassword().file(), server.certificate().sha256Fingerprint(),
                server.port() == config.port(), server.runnerEngine());
    }

    public synchronized Optional<URI> url() {
        return Optional.ofNullable(server).map(SandboxServer::url);
    }

    /** Stops serving; runner containers keep running and the next start adopts them. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
