package dev.drpconsole.core.engine;

import java.util.function.Supplier;

/**
 * The container engine the console shares, located once, on first use: the status bar, the views and the setup
 * steps all get this one, and its container event stream is one stream fanned out to them ({@link SharedEngine}). When the engine could not be located, the next
 * {@link #get()} tries again, so a view works as soon as the engine is back.
 */
public final class EngineHandle implements AutoCloseable {
    private final Supplier<ContainerEngine> locate;
    private ContainerEngine engine;
    private boolean closed;

    /** @param locate finds and opens the engine, e.g. {@code DockerEngine::locate} */
    public EngineHandle(Supplier<ContainerEngine> locate) {
        this.locate = locate;
    }

    /**
     * The engine; blocks while locating it the first time. Call from an executor.
     *
     * @throws EngineUnavailableException when no engine can be found
     */
    public synchronized ContainerEngine get() {
        if (closed) {
            throw new IllegalStateException("the console is closing");
        }
        if (engine == null) {
            engine = new SharedEngine(locate.get());
        }
        return engine;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (engine != null) {
            engine.close();
            engine = null;
        }
    }
}
