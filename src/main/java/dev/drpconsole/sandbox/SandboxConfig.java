package dev.drpconsole.sandbox;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How to start a sandbox. Built with {@link #inDataDir(Path)} and the {@code with...} methods (each one line over
 * {@link Copy}, so a new option is one field there and one wither here).
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
 * @param eventBufferFrames event frames kept per websocket for a client that reads slower than they come; further
 *                        ones are dropped, the socket stays open (as DRP's melody does; tests use a tiny buffer)
 * @param contexts       which real endpoint's contexts feature it behaves like (plugin v4.7 by default)
 */
public record SandboxConfig(int port, Path dataDir, Optional<String> password, RunnerEngine runnerEngine,
                            Map<String, String> runnerLabels, boolean providerBuiltIn, ZoneId timeZone,
                            boolean v3EmptyTaskLists, int eventBufferFrames, ContextsFeature contexts) {

    public static final int DRP_PORT = 8092;
    /** gopkg.in/olahol/melody.v1 config.go newConfig: MessageBufferSize 256, the v3 server's websocket library. */
    public static final int MELODY_BUFFER_FRAMES = 256;

    public SandboxConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(runnerEngine, "runnerEngine");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(contexts, "contexts");
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
                true, ZoneId.systemDefault(), false, MELODY_BUFFER_FRAMES, ContextsFeature.PLUGIN_V4_7);
    }

    public SandboxConfig withPort(int newPort) {
        return with(copy -> copy.port = newPort);
    }

    public SandboxConfig withPassword(String newPassword) {
        return with(copy -> copy.password = Optional.of(newPassword));
    }

    public SandboxConfig withRunnerEngine(RunnerEngine engine) {
        return with(copy -> copy.runnerEngine = engine);
    }

    /** Serves the API without touching a container engine (tests of the API alone, {@code --no-runners}). */
    public SandboxConfig withoutRunners() {
        return withRunnerEngine(RunnerEngine.OFF);
    }

    public SandboxConfig withRunnerLabel(String key, String value) {
        Map<String, String> more = new HashMap<>(runnerLabels);
        more.put(key, value);
        return with(copy -> copy.runnerLabels = more);
    }

    /** Without the docker-context provider until someone uploads its binary (a DRP that lacks the plugin). */
    public SandboxConfig withoutProvider() {
        return with(copy -> copy.providerBuiltIn = false);
    }

    /** Writes times in {@code zone}, as a server whose host is set to that zone. */
    public SandboxConfig withTimeZone(ZoneId zone) {
        return with(copy -> copy.timeZone = zone);
    }

    /** Machines without tasks get CurrentTask -1, as on a v3 server. */
    public SandboxConfig withV3EmptyTaskLists() {
        return with(copy -> copy.v3EmptyTaskLists = true);
    }

    /** Keeps only {@code frames} unsent events per websocket, dropping the rest (tests provoke silent loss). */
    public SandboxConfig withEventBuffer(int frames) {
        return with(copy -> copy.eventBufferFrames = frames);
    }

    /** Behaves like an endpoint with that contexts feature: another plugin generation, or none before 4.2. */
    public SandboxConfig withContexts(ContextsFeature feature) {
        return with(copy -> copy.contexts = feature);
    }

    private SandboxConfig with(Consumer<Copy> change) {
        Copy copy = new Copy(this);
        change.accept(copy);
        return copy.build();
    }

    @Override
    public String toString() {
        return "SandboxConfig[port=" + port + ", dataDir=" + dataDir + ", password=" + (password.isPresent()
                ? "(given)" : "(kept in data dir)") + ", runnerEngine=" + runnerEngine.describe()
                + ", contexts=" + contexts.option() + "]";
    }

    /** The one place that lists every component, so that each wither names only what it changes. */
    private static final class Copy {
        int port;
        Path dataDir;
        Optional<String> password;
        RunnerEngine runnerEngine;
        Map<String, String> runnerLabels;
        boolean providerBuiltIn;
        ZoneId timeZone;
        boolean v3EmptyTaskLists;
        int eventBufferFrames;
        ContextsFeature contexts;

        Copy(SandboxConfig config) {
            port = config.port;
            dataDir = config.dataDir;
            password = config.password;
            runnerEngine = config.runnerEngine;
            runnerLabels = config.runnerLabels;
            providerBuiltIn = config.providerBuiltIn;
            timeZone = config.timeZone;
            v3EmptyTaskLists = config.v3EmptyTaskLists;
            eventBufferFrames = config.eventBufferFrames;
            contexts = config.contexts;
        }

        SandboxConfig build() {
            return new SandboxConfig(port, dataDir, password, runnerEngine, runnerLabels, providerBuiltIn, timeZone,
                    v3EmptyTaskLists, eventBufferFrames, contexts);
        }
    }
}
