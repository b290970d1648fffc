package dev.drpconsole.core.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.ListContainersCmd;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import java.io.Closeable;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link EngineContainers} over docker-java. */
final class DockerContainers implements EngineContainers {

    private static final Logger LOG = LoggerFactory.getLogger(DockerContainers.class);
    /** The engine's "never" for start and finish times. */
    private static final Instant ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");
    /** Podman: "container-init binary not found on the host: ..."; Docker: "docker-init": executable file not found */
    private static final Pattern INIT_BINARY_MISSING = Pattern.compile(
            "container-init binary not found|docker-init\"?: executable file not found");

    private final DockerClient docker;
    private final EngineCalls calls;
    private final DockerLogs logs;

    DockerContainers(DockerClient docker, EngineCalls calls, DockerLogs logs) {
        this.docker = docker;
        this.calls = calls;
        this.logs = logs;
    }

    @Override
    public List<ContainerSummary> list(ContainerQuery query) {
        ListContainersCmd command = docker.listContainersCmd().withShowAll(query.includeStopped());
        if (!query.labels().isEmpty()) {
            command.withLabelFilter(query.labels());
        }
        return calls.answer(command::exec).stream().map(DockerContainers::toSummary).toList();
    }

    @Override
    public ContainerDetails inspect(String idOrName) {
        return toDetails(calls.answer(() -> docker.inspectContainerCmd(idOrName).exec()));
    }

    @Override
    public String run(ContainerSpec spec) {
        String id;
        try {
            id = calls.answer(() -> createCommand(spec).exec()).getId();
        } catch (EngineException createFailed) {
            throw explained(spec, createFailed);
        }
        try {
            calls.answer(() -> docker.startContainerCmd(id).exec());
        } catch (EngineException startFailed) {
            // A created-but-never-started container would only be litter that blocks the name for the next try.
            removeQuietly(id);
            throw explained(spec, startFailed);
        }
        return id;
    }

    /**
     * Podman refuses to create a container with an init process when its host lacks catatonit; Docker fails its
     * start when docker-init is missing. Both are a missing package on the engine's host, so say which.
     */
    static EngineException explained(ContainerSpec spec, EngineException failure) {
        String message = String.valueOf(failure.getMessage());
        if (!spec.initProcess() || !INIT_BINARY_MISSING.matcher(message).find()) {
            return failure;
        }
        return new EngineException("The engine cannot give the container an init process: its init binary is not"
                + " installed on the engine's host (" + message + "). Install it there (Podman: the catatonit package;"
                + " Docker: tini, as docker-init), or run the container without an init process.",
                failure.statusCode(), failure);
    }

    private CreateContainerCmd createCommand(ContainerSpec spec) {
        CreateContainerCmd command = docker.createContainerCmd(ImageReference.normalise(spec.image()))
                .withLabels(spec.labels())
                .withEnv(spec.environment().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())
                .withHostConfig(hostConfig(spec));
        spec.optionalName().ifPresent(command::withName);
        if (!spec.command().isEmpty()) {
            command.withCmd(spec.command());
        }
        if (!spec.entrypoint().isEmpty()) {
            command.withEntrypoint(spec.entrypoint());
        }
        return command;
    }

    private static HostConfig hostConfig(ContainerSpec spec) {
        HostConfig hostConfig = HostConfig.newHostConfig();
        if (spec.hostNetwork()) {
            hostConfig.withNetworkMode("host");
        }
        if (spec.initProcess()) {
            hostConfig.withInit(true);
        }
        if (!spec.bindMounts().isEmpty()) {
            hostConfig.withBinds(spec.bindMounts().stream().map(DockerContainers::toBind).toList());
        }
        return hostConfig;
    }

    private static Bind toBind(BindMount mount) {
        return new Bind(mount.hostPath().toAbsolutePath().toString(), new Volume(mount.containerPath()),
                mount.readOnly() ? AccessMode.ro : AccessMode.rw);
    }

    @Override
    public void start(String idOrName) {
        runIgnoringNotModified(Duration.ZERO, () -> docker.startContainerCmd(idOrName).exec());
    }

    @Override
    public void stop(String idOrName, Duration timeout) {
        runIgnoringNotModified(timeout, () -> docker.stopContainerCmd(idOrName).withTimeout(seconds(timeout)).exec());
    }

    @Override
    public void restart(String idOrName, Duration timeout) {
        calls.answer(timeout, () -> docker.restartContainerCmd(idOrName).withTimeout(seconds(timeout)).exec());
    }

    @Override
    public void remove(String idOrName, boolean force) {
        calls.answer(() -> docker.removeContainerCmd(idOrName).withForce(force).exec());
    }

    @Override
    public Closeable followLogs(String idOrName, LogOptions options, LogListener listener) {
        return logs.follow(idOrName, options, listener);
    }

    /** Stops every log still followed, without telling their listeners: the engine is being closed. */
    void closeOpenFollows() {
        logs.closeAll();
    }

    /** @param extra how much longer than a quick call the command may take, e.g. a stop's timeout */
    private void runIgnoringNotModified(Duration extra, Runnable command) {
        calls.answer(extra, () -> {
            try {
                command.run();
            } catch (NotModifiedException alreadyInThatState) {
                // 304: already started / already stopped. The caller wanted that state, and has it.
            }
            return null;
        });
    }

    private void removeQuietly(String id) {
        try {
            calls.answer(() -> docker.removeContainerCmd(id).withForce(true).exec());
        } catch (EngineException e) {
            LOG.warn("Could not remove container {} that failed to start: {}", id, e.getMessage());
        }
    }

    private static int seconds(Duration timeout) {
        return (int) Math.max(0, timeout.toSeconds());
    }

    private static ContainerSummary toSummary(Container container) {
        return new ContainerSummary(container.getId(), primaryName(container.getNames()),
                ImageReference.normalise(container.getImage()),
                container.getState(), container.getStatus(),
                Instant.ofEpochSecond(container.getCreated() == null ? 0 : container.getCreated()),
                orEmpty(container.getLabels()));
    }

    private static ContainerDetails toDetails(InspectContainerResponse inspected) {
        InspectContainerResponse.ContainerState state = inspected.getState();
        return new ContainerDetails(inspected.getId(), stripSlash(inspected.getName()),
                ImageReference.normalise(inspected.getConfig().getImage()), inspected.getImageId(), state.getStatus(),
                Boolean.TRUE.equals(state.getRunning()),
                state.getExitCodeLong() == null ? 0 : state.getExitCodeLong(),
                parseTime(inspected.getCreated()).orElse(Instant.EPOCH),
                parseTime(state.getStartedAt()), parseTime(state.getFinishedAt()),
                orEmpty(inspected.getConfig().getLabels()),
                inspected.getConfig().getEnv() == null ? List.of() : Arrays.asList(inspected.getConfig().getEnv()),
                String.valueOf(inspected.getHostConfig().getNetworkMode()));
    }

    /** The engine lists a container under all its names; the first one is its own (others are legacy links). */
    private static String primaryName(String[] names) {
        return names == null || names.length == 0 ? "" : stripSlash(names[0]);
    }

    /** The engine gives names with a leading slash; an absent name is empty, not "null". */
    static String stripSlash(String name) {
        if (name == null) {
            return "";
        }
        return name.startsWith("/") ? name.substring(1) : name;
    }

    private static Optional<Instant> parseTime(String text) {
        try {
            return Optional.ofNullable(text).map(Instant::parse).filter(time -> !time.equals(ZERO_TIME));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Map<String, String> orEmpty(Map<String, String> labels) {
        return labels == null ? Map.of() : labels;
    }
}
