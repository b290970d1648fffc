package dev.drpconsole.core.engine;

import java.io.Closeable;

/**
 * A Docker-API container engine (Docker or Podman). Every method blocks on engine I/O: call it from an executor.
 * Any method may throw {@link EngineUnavailableException} when the engine cannot be reached.
 */
public interface ContainerEngine extends AutoCloseable {

    /** Where this engine is reached and why; known without talking to the engine. */
    EngineEndpoint endpoint();

    /**
     * Asks the engine who it is. Answers fast even for a dead engine, so it doubles as a health check.
     *
     * @throws EngineUnavailableException when no engine answers, with a reason and a fix hint
     */
    EngineInfo info();

    EngineContainers containers();

    EngineImages images();

    /**
     * Follows engine events until closed, reconnecting with growing pauses whenever the engine goes away, and
     * catching up on events missed while away when the engine still has them.
     *
     * @param query      which events; filtered by the engine
     * @param events     receives events on a stream thread
     * @param connection learns when the connection is made and lost
     * @return closing it stops following; no callbacks arrive after close returns
     */
    Closeable watchEvents(EventQuery query, EngineEventListener events, EngineConnectionListener connection);

    /** Releases the connections to the engine; open streams stop. */
    @Override
    void close();
}
