package dev.drpconsole.core.engine;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One row of a container list.
 *
 * @param id      full container id
 * @param name    name without the leading slash the engine adds, e.g. "drp-runner-6a2f..."
 * @param image   the image as the container was created from it, e.g. "drpconsole/runner:1" (normalised, see
 *                {@link ImageReference})
 * @param state   engine state word: created, running, paused, restarting, exited, dead
 * @param status  engine's human status, e.g. "Up 3 minutes" or "Exited (0) 2 seconds ago"
 * @param created when the container was created
 * @param labels  container labels
 */
public record ContainerSummary(
        String id, String name, String image, String state, String status, Instant created,
        Map<String, String> labels) {

    public ContainerSummary {
        labels = Map.copyOf(labels);
    }

    public boolean isRunning() {
        return "running".equals(state);
    }

    /** Whether this is a DRP runner container ({@code drp-runner-<machine-uuid>}). */
    public boolean isRunner() {
        return RunnerContainerName.isRunner(name);
    }

    /** The machine this runner works for; empty when this is not a runner. */
    public Optional<UUID> runnerMachineUuid() {
        return RunnerContainerName.machineUuidOf(name);
    }
}
