package dev.drpconsole.core.engine;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The naming rule of DRP's docker-context plugin: the runner of machine {@code <uuid>} is the container
 * {@code drp-runner-<uuid>}.
 */
public final class RunnerContainerName {

    public static final String PREFIX = "drp-runner-";

    // Canonical form only: UUID.fromString alone also accepts shortened forms like "1-2-3-4-5".
    private static final Pattern RUNNER_NAME = Pattern.compile(
            "^/?" + PREFIX + "([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$");

    private RunnerContainerName() {
    }

    /** The container name the plugin gives the runner of this machine. */
    public static String forMachine(UUID machineUuid) {
        return PREFIX + machineUuid;
    }

    /** The machine a runner container works for; empty when the name is not a runner's. */
    public static Optional<UUID> machineUuidOf(String containerName) {
        if (containerName == null) {
            return Optional.empty();
        }
        Matcher matcher = RUNNER_NAME.matcher(containerName);
        return matcher.matches() ? Optional.of(UUID.fromString(matcher.group(1))) : Optional.empty();
    }

    public static boolean isRunner(String containerName) {
        return machineUuidOf(containerName).isPresent();
    }
}
