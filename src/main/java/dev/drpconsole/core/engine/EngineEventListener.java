package dev.drpconsole.core.engine;

/** Receives engine events. Called on a docker-java stream thread, in the engine's order. */
@FunctionalInterface
public interface EngineEventListener {

    void onEvent(EngineEvent event);
}
