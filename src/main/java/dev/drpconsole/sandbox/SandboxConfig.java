package dev.drpconsole.sandbox;

import java.nio.file.Path;
import java.time.ZoneId;
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
 * @param timeZone       the zone the server writes times in (job start and end times): a real server writes its
 *                        host's local time with its offset, e.g. {@code -05:00} (Go's RFC3339Nano of a local time);
 *                        by default this JVM's zone, as a real server on this host would
 * @param v3EmptyTaskLists a machine without tasks has CurrentTask -1, as on the v3 server (backend/machines.go
 *                        validateChangeStage) and in the v4.2 docs; else 0, as on DRP v4.7.0
 *                        (agent/taskRunner_test.go "Make initial machine")
 */
public record SandboxConfig(int port, Path dataDir, Optional<String> password, RunnerEngine runnerEngine,
                            Map<String, String> runnerLabels, boolean providerBuiltIn, ZoneId timeZone,
                            boolean v3EmptyTaskLists) {

    public static final int DRP_PORT = 8092;

    public SandboxConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(runnerEngine, "runnerEngine");
        Objects.requireNonNull(timeZone, "timeZone");
        runnerLabels = Map.copyOf(runnerLabels);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Port must be between 0 and 65535, got " + port);
        }
    }

    public static SandboxConfig inDataDir(Path dataDir) {
        return new SandboxConfig(DRP_PORT, dataDir, Optional.empty(), RunnerEngine.PLUGIN_DEFAULT, Map.of(),
                true, ZoneId.systemDefault(), false);
    }

    public SandboxConfig withPort(int newPort) {
        return new SandboxConfig(newPort, dataDir, password, runnerEngine, runnerLabels, providerBuiltIn, timeZone,
                v3EmptyTaskLists);
    }

    public SandboxConfig withPassword(String newPassword) {
        return new SandboxConfig(port, dataDir, Optional.of(newPassword), runnerEngine, runnerLabels, providerBuiltIn,
                timeZone, v3EmptyTaskLists);
    }

    public SandboxConfig withRunnerEngine(RunnerEngine engine) {
        return new SandboxConfig(port, dataDir, password, engine, runnerLabels, providerBuiltIn, timeZone,
                v3EmptyTaskLists);
    }

    /** Serves the API without touching a container engine (tests of the API alone, {@code --no-runners}). */
    public SandboxConfig withoutRunners() {
        return withRunnerEngine(RunnerEngine.OFF);
    }

    public SandboxConfig withRunnerLabel(String key, String value) {
        Map<String, String> more = new HashMap<>(runnerLabels);
        more.put(key, value);
        return new SandboxConfig(port, dataDir, password, runnerEngine, more, providerBuiltIn, timeZone,
                v3EmptyTaskLists);
    }

    /** Without the docker-context provider until someone uploads its binary (a DRP that lacks the plugin). */
    public SandboxConfig withoutProvider() {
        return new SandboxConfig(port, dataDir, password, runnerEngine, runnerLabels, false, timeZone,
                v3EmptyTaskLists);
    }

    /** Writes times in {@code zone}, as a server whose host is set to that zone. */
    public SandboxConfig withTimeZone(ZoneId zone) {
        return new SandboxConfig(port, dataDir, password, runnerEngine, runnerLabels, providerBuiltIn, zone,
                v3EmptyTaskLists);
    }

    /** Machines without tasks get CurrentTask -1, as on a v3 server. */
    public SandboxConfig withV3EmptyTaskLists() {
        return new SandboxConfig(port, dataDir, password, runnerEngine, runnerLabels, providerBuiltIn, timeZone,
                true);
    }

    @Override
    public String toString() {
        return "SandboxConfig[port=" + port + ", dataDir=" + dataDir + ", password=" + (password.isPresent()
                ? "(given)" : "(kept in data dir)") + ", runnerEngine=" + runnerEngine.describe()
                + "]";
    }
}
