package dev.drpconsole.sandbox;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to start a sandbox. Built with {@link #inDataDir(Path)} and the {@code with...} methods.
 *
 * @param port           TCP port on 127.0.0.1; 0 picks a free one (tests); DRP's own default is {@value #DRP_PORT}
 * @param dataDir        where objects, job logs, files, the certificate and the secrets are kept
 * @param password       the admin password; empty to use (or generate) the one kept in the data dir
 * @param runnerEngine   the engine docker-context runner containers run on: by default the plugin's own choice
 *                        (Podman when a Podman socket answers, else Docker), or a named one, or none
 * @param runnerLabels   extra labels for every runner container (tests mark theirs)
 * @param providerBuiltIn the docker-context plugin provider is there from the start; without it the sandbox is
 *                        like a DRP endpoint that lacks the plugin until its provider binary is uploaded
 * @param eventBufferFrames event frames kept per websocket for a client that reads slower than they come; further
 *                        ones are dropped, the socket stays open (as DRP's melody does; tests use a tiny buffer)
 */
public record SandboxConfig(int port, Path dataDir, Optional<String> password, RunnerEngine runnerEngine,
                            Map<String, String> runnerLabels, boolean providerBuiltIn, int eventBufferFrames) {

    public static final int DRP_PORT = 8092;
    /** gopkg.in/olahol/melody.v1 config.go newConfig: MessageBufferSize 256, the v3 server's websocket library. */
    public static final int MELODY_BUFFER_FRAMES = 256;

    public SandboxConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(runnerEngine, "runnerEngine");
        runnerLabels = Map.copyOf(runnerLabels);
        if (eventBufferFrames < 1) {
            throw new IllegalArgumentException("The event buffer needs at least one frame, got " + eventBufferFrames);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Port must be between 0 and 65535, got " + port);
        }
    }

    public static SandboxConfig inDataDir(Path dataDir) {
        return new SandboxConfig(DRP_PORT, dataDir, Optional.empty(), RunnerEngine.PLUGIN_DEFAULT, Map.of(),
                true, MELODY_BUFFER_FRAMES);
    }

    public SandboxConfig withPort(int newPort) {
        return new SandboxConfig(newPort, dataDir, password, runnerEngine, runnerLabels, providerBuiltIn,
                eventBufferFrames);
    }

    public SandboxConfig withPassword(String newPassword) {
        return new SandboxConfig(port, dataDir, Optional.of(newPassword), runnerEngine, runnerLabels, providerBuiltIn,
                eventBufferFrames);
    }

    public SandboxConfig withRunnerEngine(RunnerEngine engine) {
        return new SandboxConfig(port, dataDir, password, engine, runnerLabels, providerBuiltIn, eventBufferFrames);
    }

    /** Serves the API without touching a container engine (tests of the API alone, {@code --no-runners}). */
    public SandboxConfig withoutRunners() {
        return withRunnerEngine(RunnerEngine.OFF);
    }

    public SandboxConfig withRunnerLabel(String key, String value) {
        Map<String, String> more = new HashMap<>(runnerLabels);
        more.put(key, value);
        return new SandboxConfig(port, dataDir, password, runnerEngine, more, providerBuiltIn, eventBufferFrames);
    }

    /** Without the docker-context provider until someone uploads its binary (a DRP that lacks the plugin). */
    public SandboxConfig withoutProvider() {
        return new SandboxConfig(port, dataDir, password, runnerEngine, runnerLabels, false, eventBufferFrames);
    }

    /** Keeps only {@code frames} unsent events per websocket, dropping the rest (tests provoke silent loss). */
    public SandboxConfig withEventBuffer(int frames) {
        return new SandboxConfig(port, dataDir, password, runnerEngine, runnerLabels, providerBuiltIn, frames);
    }

    @Override
    public String toString() {
        return "SandboxConfig[port=" + port + ", dataDir=" + dataDir + ", password=" + (password.isPresent()
                ? "(given)" : "(kept in data dir)") + ", runnerEngine=" + runnerEngine.describe()
                + "]";
    }
}
