package dev.drpconsole.core.status;

import dev.drpconsole.core.engine.ContainerEngine;
import dev.drpconsole.core.engine.EngineConnectionListener;
import dev.drpconsole.core.engine.EngineException;
import dev.drpconsole.core.engine.EngineHandle;
import dev.drpconsole.core.engine.EngineInfo;
import dev.drpconsole.core.engine.EngineUnavailableException;
import dev.drpconsole.core.engine.EventQuery;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Watches the container engine for the status bar: asks it who it is, then keeps an event stream open so
 * that an engine that stops or comes back is noticed at once, without polling.
 *
 * <p>All of its work runs in order on one thread of its own: checks never overlap, a later check always
 * reports after an earlier one, and a Retry cannot race the first connection.
 */
public class EngineMonitor implements ConnectionMonitor {
    private final Supplier<ContainerEngine> engineFactory;
    /** Whether this monitor opened its engine (and closes it) or watches the console's shared one. */
    private final boolean ownsEngine;
    private final ExecutorService serial = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "engine-monitor");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Consumer<ConnectionState> listener = state -> { };
    private ContainerEngine engine;
    private Closeable watch;

    /** @param engineFactory locates and opens the engine; may throw {@link EngineUnavailableException} */
    public EngineMonitor(Supplier<ContainerEngine> engineFactory) {
        this(engineFactory, true);
    }

    private EngineMonitor(Supplier<ContainerEngine> engineFactory, boolean ownsEngine) {
        this.engineFactory = engineFactory;
        this.ownsEngine = ownsEngine;
    }

    /** Watches the console's shared engine (joining its one event stream) and never closes it. */
    public static EngineMonitor sharing(EngineHandle handle) {
        return new EngineMonitor(handle::get, false);
    }

    @Override
    public void start(Consumer<ConnectionState> stateListener) {
        this.listener = stateListener;
        run(this::connect);
    }

    @Override
    public void retry() {
        run(() -> {
            disconnect();
            connect();
        });
    }

    private void connect() {
        try {
            engine = engineFactory.get();
        } catch (EngineUnavailableException e) {
            // The configuration itself is unusable (say, a bad DOCKER_HOST): nothing to watch until Retry.
            listener.accept(unreachable(e.reason(), e.fixHint()));
            return;
        }
        ContainerEngine opened = engine;
        // A first answer right away (an engine that accepts but never answers is reported by info()'s own
        // deadline); then every change the event stream sees triggers a fresh look, without polling.
        probe(opened);
        watch = opened.watchEvents(EventQuery.containers(), event -> { }, new EngineConnectionListener() {
            @Override
            public void onConnected() {
                run(() -> probe(opened));
            }

            @Override
            public void onLost(String reason, Duration nextRetry) {
                run(() -> probe(opened));
            }
        });
    }

    /** Asks the engine who it is and reports the answer, unless Retry has replaced that engine since. */
    private void probe(ContainerEngine target) {
        if (target != engine) {
            return;
        }
        try {
            listener.accept(connected(target.info()));
        } catch (EngineUnavailableException e) {
            listener.accept(unreachable(e.reason(), e.fixHint()));
        } catch (EngineException e) {
            listener.accept(unreachable("The container engine failed: " + e.getMessage(),
                    "Check the engine's log; Retry once it is healthy"));
        }
    }

    static ConnectionState connected(EngineInfo info) {
        String where = info.host().getScheme().equals("unix") ? info.host().getPath() : info.host().toString();
        return ConnectionState.connected(
                info.product().displayName() + " " + info.version() + " · " + where,
                "API " + info.apiVersion() + ", " + info.os() + "/" + info.arch() + " · found via " + info.source());
    }

    private static ConnectionState unreachable(String reason, String fixHint) {
        return ConnectionState.unreachable("Container engine unreachable", reason, fixHint);
    }

    private void disconnect() {
        if (watch != null) {
            try {
                watch.close();
            } catch (IOException e) {
                // A stream that already broke: nothing left to release.
            }
            watch = null;
        }
        if (engine != null) {
            if (ownsEngine) {
                engine.close();
            }
            engine = null;
        }
    }

    /** Runs on the monitor's thread; after close, events still in flight are dropped. */
    private void run(Runnable task) {
        try {
            serial.execute(task);
        } catch (RejectedExecutionException closed) {
            // Closed: nobody is listening any more.
        }
    }

    @Override
    public void close() {
        run(this::disconnect);
        serial.shutdown();
    }
}
