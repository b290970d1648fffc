package dev.drpconsole.core.engine;

import java.io.Closeable;
import java.time.Duration;
import java.util.List;

/**
 * Containers of one engine, named by id or name. Blocking calls; see {@link ContainerEngine}. Any method naming
 * a container that does not exist throws {@link EngineObjectNotFoundException}.
 */
public interface EngineContainers {

    List<ContainerSummary> list(ContainerQuery query);

    ContainerDetails inspect(String idOrName);

    /**
     * Creates and starts a container.
     *
     * @return the new container's id
     * @throws EngineException e.g. with {@link EngineException#isConflict()} when the name is taken
     */
    String run(ContainerSpec spec);

    /** Starts a stopped container; starting a running one does nothing. */
    void start(String idOrName);

    /**
     * Sends SIGTERM, then SIGKILL after the timeout; stopping a stopped container does nothing.
     * Returns when the container has stopped.
     */
    void stop(String idOrName, Duration timeout);

    /** Stops (like {@link #stop}) and starts the container again. */
    void restart(String idOrName, Duration timeout);

    /**
     * Removes a container.
     *
     * @param force also remove it while running (it is killed first)
     */
    void remove(String idOrName, boolean force);

    /**
     * Follows a container's log: existing lines per the options, then new lines as they are written, until the
     * container stops or the returned handle is closed. Lines are whole lines: output split over several engine
     * frames is joined, and a final line without a line break is delivered when the log ends.
     *
     * @return closing it stops following
     */
    Closeable followLogs(String idOrName, LogOptions options, LogListener listener);
}
