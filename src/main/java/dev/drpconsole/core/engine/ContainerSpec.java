package dev.drpconsole.core.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A container to create and start. Built with {@link #of(String)} and the {@code with...} methods.
 *
 * @param image       local image to run (never pulled)
 * @param name        container name, or {@code null} to let the engine pick one
 * @param environment environment variables
 * @param labels      container labels (label everything the console creates, so it can find and clean it up)
 * @param command     arguments replacing the image's CMD; empty keeps the image's
 * @param entrypoint  replaces the image's ENTRYPOINT; empty keeps the image's
 * @param hostNetwork share the host's network, needed to reach servers bound to the host's 127.0.0.1
 * @param initProcess run a tiny init as PID 1; without it a shell as PID 1 ignores SIGTERM and stopping takes the
 *                    whole timeout
 * @param bindMounts  host paths to mount into the container
 */
public record ContainerSpec(
        String image, String name, Map<String, String> environment, Map<String, String> labels, List<String> command,
        List<String> entrypoint, boolean hostNetwork, boolean initProcess, List<BindMount> bindMounts) {

    public ContainerSpec {
        Objects.requireNonNull(image, "image");
        environment = Map.copyOf(environment);
        labels = Map.copyOf(labels);
        command = List.copyOf(command);
        entrypoint = List.copyOf(entrypoint);
        bindMounts = List.copyOf(bindMounts);
    }

    public static ContainerSpec of(String image) {
        return new ContainerSpec(image, null, Map.of(), Map.of(), List.of(), List.of(), false, false, List.of());
    }

    public Optional<String> optionalName() {
        return Optional.ofNullable(name);
    }

    public ContainerSpec withName(String newName) {
        return new ContainerSpec(image, newName, environment, labels, command, entrypoint, hostNetwork, initProcess,
                bindMounts);
    }

    public ContainerSpec withEnvironment(Map<String, String> newEnvironment) {
        return new ContainerSpec(image, name, newEnvironment, labels, command, entrypoint, hostNetwork, initProcess,
                bindMounts);
    }

    public ContainerSpec withEnv(String key, String value) {
        Map<String, String> more = new HashMap<>(environment);
        more.put(key, value);
        return withEnvironment(more);
    }

    public ContainerSpec withLabels(Map<String, String> newLabels) {
        return new ContainerSpec(image, name, environment, newLabels, command, entrypoint, hostNetwork, initProcess,
                bindMounts);
    }

    public ContainerSpec withLabel(String key, String value) {
        Map<String, String> more = new HashMap<>(labels);
        more.put(key, value);
        return withLabels(more);
    }

    public ContainerSpec withCommand(String... newCommand) {
        return new ContainerSpec(image, name, environment, labels, List.of(newCommand), entrypoint, hostNetwork,
                initProcess, bindMounts);
    }

    public ContainerSpec withEntrypoint(String... newEntrypoint) {
        return new ContainerSpec(image, name, environment, labels, command, List.of(newEntrypoint), hostNetwork,
                initProcess, bindMounts);
    }

    public ContainerSpec withHostNetwork(boolean newHostNetwork) {
        return new ContainerSpec(image, name, environment, labels, command, entrypoint, newHostNetwork, initProcess,
                bindMounts);
    }

    public ContainerSpec withInitProcess(boolean newInitProcess) {
        return new ContainerSpec(image, name, environment, labels, command, entrypoint, hostNetwork, newInitProcess,
                bindMounts);
    }

    public ContainerSpec withBindMounts(List<BindMount> newBindMounts) {
        return new ContainerSpec(image, name, environment, labels, command, entrypoint, hostNetwork, initProcess,
                newBindMounts);
    }
}
