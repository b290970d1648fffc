package dev.drpconsole.core.engine;

import java.io.Closeable;

/**
 * An engine that hands every call to another one; a subclass changes only what it is about (the shared event stream,
 * timing a benchmark's builds).
 */
public abstract class ForwardingEngine implements ContainerEngine {
    private final ContainerEngine engine;

    protected ForwardingEngine(ContainerEngine engine) {
        this.engine = engine;
    }

    /** The engine the calls go to. */
    protected ContainerEngine delegate() {
        return engine;
    }

    @Override
    public EngineEndpoint endpoint() {
        return engine.endpoint();
    }

    @Override
    public EngineInfo info() {
        return engine.info();
    }

    @Override
    public EngineContainers containers() {
        return engine.containers();
    }

    @Override
    public EngineImages images() {
        return engine.images();
    }

    @Override
    public Closeable watchEvents(EventQuery query, EngineEventListener events, EngineConnectionListener connection) {
        return engine.watchEvents(query, events, connection);
    }

    @Override
    public void close() {
        engine.close();
    }
}
