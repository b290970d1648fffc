package dev.drpconsole.core.engine;

import java.time.Duration;

/**
 * Learns when an event stream's connection to the engine comes and goes. Called on background threads, only on
 * changes: once when connected, once when lost, then once more when connected again.
 */
public interface EngineConnectionListener {

    /** The engine answered and events flow. */
    default void onConnected() {
    }

    /**
     * The engine went away or cannot be reached; the stream keeps retrying with growing pauses.
     *
     * @param reason     plain words, e.g. "No Docker engine answers at unix:///var/run/docker.sock (connection refused)"
     * @param nextRetry  how long until the next attempt
     */
    default void onLost(String reason, Duration nextRetry) {
    }

    static EngineConnectionListener ignoring() {
        return new EngineConnectionListener() {
        };
    }
}
