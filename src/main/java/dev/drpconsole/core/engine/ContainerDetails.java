package dev.drpconsole.core.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What inspecting one container tells.
 *
 * @param id          full container id
 * @param name        name without the leading slash
 * @param image       the image as requested at creation, e.g. "drpconsole/runner:1" (normalised, see
 *                    {@link ImageReference})
 * @param imageId     the image's full id
 * @param state       engine state word: created, running, paused, restarting, exited, dead
 * @param running     whether its main process runs
 * @param exitCode    exit code of the last run (0 while running or never started)
 * @param created     when it was created
 * @param startedAt   when it last started; empty if never
 * @param finishedAt  when it last stopped; empty if it never stopped
 * @param labels      container labels
 * @param environment environment as "NAME=value" entries, image defaults included
 * @param networkMode e.g. "default", "bridge", "host"
 */
public record ContainerDetails(
        String id, String name, String image, String imageId, String state, boolean running, long exitCode,
        Instant created, Optional<Instant> startedAt, Optional<Instant> finishedAt, Map<String, String> labels,
        List<String> environment, String networkMode) {

    public ContainerDetails {
        labels = Map.copyOf(labels);
        environment = List.copyOf(environment);
    }

    /** The machine this runner works for; empty when this is not a runner. */
    public Optional<UUID> runnerMachineUuid() {
        return RunnerContainerName.machineUuidOf(name);
    }
}
