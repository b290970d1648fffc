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
 * @param contexts       which real endpoint's contexts feature it behaves like (plugin v4.7 by default)
 */
public record SandboxConfig(int port, Path dataDir, Optional<String> password, RunnerEngine runnerEngine,
                            Map<String, String> runnerLabels, boolean providerBuiltIn, ContextsFeature contexts) {

    public static final int DRP_PORT = 8092;

    public SandboxConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(runnerEngine, "runnerEngine");
        Objects.requireNonNull(contexts, "contexts");
        runnerLabels = Map.copyOf(runnerLabels);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Port must be between 0 and 65535, got " + port);
        }
    }

    public static SandboxConfig inDataDir(Path dataDir) {
        return new SandboxConfig(DRP_PORT, dataDir, Optional.empty(), RunnerEngine.PLUGIN_DEFAULT, Map.of(),
                true, ContextsFeature.PLUGIN_V4_7);
    }

    public SandboxConfig withPort(int newPort) {
        return new SandboxConfig(newPort, dataDir, password, runnerEngine, runnerLabels, providerBuiltIn, contexts);
    }

    public SandboxConfig withPassword(String newPassword) {
        return new SandboxConfig(port, dataDir, Optional.of(newPassword), runnerEngine, runnerLabels,
                providerBuiltIn, contexts);
    }

    public SandboxConfig withRunnerEngine(RunnerEngine engine) {
        return new SandboxConfig(port, dataDir, password, engine, runnerLabels, providerBuiltIn, contexts);
    }

    /** Serves the API without touching a container engine (tests of the API alone, {@code --no-runners}). */
    public SandboxConfig withoutRunners() {
        return withRunnerEngine(RunnerEngine.OFF);
    }

    public SandboxConfig withRunnerLabel(String key, String value) {
        Map<String, String> more = new HashMap<>(runnerLabels);
        more.put(key, value);
        return new SandboxConfig(port, dataDir, password, runnerEngine, more, providerBuiltIn, contexts);
    }

    /** Without the docker-context provider until someone uploads its binary (a DRP that lacks the plugin). */
    public SandboxConfig withoutProvider() {
        return new SandboxConfig(port, dataDir, password, runnerEngine, runnerLabels, false, contexts);
    }

    /** Behaves like an endpoint with that contexts feature: another plugin generation, or none before 4.2. */
    public SandboxConfig withContexts(ContextsFeature feature) {
        return new SandboxConfig(port, dataDir, password, runnerEngine, runnerLabels, providerBuiltIn, feature);
    }

    @Override
    public String toString() {
        return "SandboxConfig[port=" + port + ", dataDir=" + dataDir + ", password=" + (password.isPresent()
                ? "(given)" : "(kept in data dir)") + ", runnerEngine=" + runnerEngine.describe()
                + ", contexts=" + contexts.option() + "]";
    }
}
