package dev.drpconsole.sandbox;

import dev.drpconsole.sandbox.auth.AdminPassword;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The sandbox the console runs for its user: one per console, on DRP's port when it is free, kept in the user's
 * sandbox data dir so its objects, certificate and password survive restarts of the console. Blocking: call it
 * from a background thread.
 */
public final class LocalSandbox implements AutoCloseable {
    private final SandboxConfig config;
    private SandboxServer server;

    public LocalSandbox(Path dataDir) {
        this.config = SandboxConfig.inDataDir(dataDir);
    }

    /** What the user needs to reach a started sandbox. */
    public record Running(URI url, String adminUser, String adminPassword, Path passwordFile,
                          String certificateSha256, boolean onDrpPort) {
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
                server.port() == config.port());
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
