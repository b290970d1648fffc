package dev.drpconsole.core.engine;

/**
 * Receives a followed container log. Called on a docker-java stream thread, in output order; no calls follow
 * once the follow has been closed.
 */
public interface LogListener {

    void onLine(LogLine line);

    /** The log ended because the container stopped (its last partial line has been delivered). */
    default void onEnd() {
    }

    /** Following failed, e.g. the container was removed or the engine went away. */
    default void onFailure(EngineException failure) {
    }
}
