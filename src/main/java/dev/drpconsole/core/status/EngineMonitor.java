package dev.drpconsole.core.status;

import dev.drpconsole.core.engine.ContainerEngine;
import dev.drpconsole.core.engine.EngineConnectionListener;
import dev.drpconsole.core.engine.EngineInfo;
import dev.drpconsole.core.engine.EngineUnavailableException;
import dev.drpconsole.core.engine.EventQuery;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Watches the container engine for the status bar: asks it who it is, then keeps an event stream open so
 * that an engine that stops or comes back is noticed at once, without polling.
 */
public class EngineMonitor implements ConnectionMonitor {
    private final Supplier<ContainerEngine> engineFactory;
    private final Executor io;
    private volatile Consumer<ConnectionState> listener = state -> { };
    private ContainerEngine engine;
    private Closeable watch;
    private boolean closed;

    /**
     * @param engineFactory locates and opens the engine; may throw {@link EngineUnavailableException}
     * @param io            runs every engine call, never the caller's thread
     */
    public EngineMonitor(Supplier<ContainerEngine> engineFactory, Executor io) {
        this.engineFactory = engineFactory;
        this.io = io;
    }

    @Override
    public void start(Consumer<ConnectionState> stateListener) {
        this.listener = stateListener;
        io.execute(this::connect);
    }

    @Override
    public void retry() {
        io.execute(() -> {
            disconnect();
            connect();
        });
    }

    private void connect() {
        ContainerEngine opened;
        try {
            opened = engineFactory.get();
        } catch (EngineUnavailableException e) {
            // The configuration itself is unusable (say, a bad DOCKER_HOST): nothing to watch until Retry.
            listener.accept(unreachable(e));
            return;
        }
        synchronized (this) {
            if (closed) {
                opened.close();
                return;
            }
            engine = opened;
        }
        // The event stream reports its first connection (or failure) and every change after it; each one
        // triggers a fresh look at the engine, so a stopped or returning engine shows without polling.
        Closeable events = opened.watchEvents(EventQuery.containers(), event -> { },
                new EngineConnectionListener() {
                    @Override
                    public void onConnected() {
                        io.execute(() -> probe(opened));
                    }

                    @Override
                    public void onLost(String reason, Duration nextRetry) {
                        io.execute(() -> probe(opened));
                    }
                });
        synchronized (this) {
            if (engine == opened && !closed) {
                watch = events;
                return;
            }
        }
        closeQuietly(events); // Retry or close came first: this stream is already obsolete.
    }

    /** Asks the engine who it is and reports the answer; the exception carries the reason and the fix. */
    private void probe(ContainerEngine target) {
        ConnectionState state;
        try {
            state = connected(target.info());
        } catch (EngineUnavailableException e) {
            state = unreachable(e);
        }
        report(target, state);
    }

    /** Drops answers about an engine that Retry or close has since replaced: they are stale. */
    private synchronized void report(ContainerEngine about, ConnectionState state) {
        if (about == engine && !closed) {
            listener.accept(state);
        }
    }

    static ConnectionState connected(EngineInfo info) {
        String where = info.host().getScheme().equals("unix") ? info.host().getPath() : info.host().toString();
        return ConnectionState.connected(
                info.product().displayName() + " " + info.version() + " · " + where,
                "API " + info.apiVersion() + ", " + info.os() + "/" + info.arch() + " · found via " + info.source());
    }

    static ConnectionState unreachable(EngineUnavailableException e) {
        return ConnectionState.unreachable("Container engine unreachable", e.reason(), e.fixHint());
    }

    private synchronized void disconnect() {
        closeQuietly(watch);
        watch = null;
        if (engine != null) {
            engine.close();
            engine = null;
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        disconnect();
    }

    private static void closeQuietly(Closeable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (IOException e) {
            // Closing a stream that already broke: nothing left to release.
        }
    }
}
