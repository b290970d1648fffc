package dev.drpconsole.core.engine;

import java.nio.file.Path;

/**
 * A host file or directory made visible inside a container, e.g. the drpcli binary a runner executes.
 *
 * @param hostPath      absolute path on the engine's host
 * @param containerPath absolute path inside the container
 * @param readOnly      whether the container may only read it
 */
public record BindMount(Path hostPath, String containerPath, boolean readOnly) {

    public static BindMount readOnly(Path hostPath, String containerPath) {
        return new BindMount(hostPath, containerPath, true);
    }
}
