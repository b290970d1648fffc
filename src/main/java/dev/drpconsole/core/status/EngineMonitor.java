package dev.drpconsole.core.status;

import dev.drpconsole.core.engine.ContainerEngine;
import dev.drpconsole.core.engine.EngineConnectionListener;
import dev.drpconsole.core.engine.EngineException;
import dev.drpconsole.core.engine.EngineHandle;
import dev.drpconsole.core.engine.EngineInfo;
import dev.drpconsole.core.engine.EngineUnavailableException;
import dev.drpconsole.core.engine.EventQuery;
import dev.drpconsole.core.engine.NoEngineException;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
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
    /** What the engine is for. */
    private final Role role;
    private volatile Consumer<ConnectionState> listener = state -> { };
    private Closeable switching;
    private ContainerEngine engine;
    private Closeable watch;

    /**
     * Watches an engine of its own, which it opens and closes.
     *
     * @param role          what the engine is for
     * @param engineFactory locates and opens the engine; may throw {@link EngineUnavailableException}
     */
    public EngineMonitor(Role role, Supplier<ContainerEngine> engineFactory) {
        this(engineFactory, true, role);
    }

    private EngineMonitor(Supplier<ContainerEngine> engineFactory, boolean ownsEngine, Role role) {
        this.engineFactory = engineFactory;
        this.ownsEngine = ownsEngine;
        this.role = role;
    }

    /**
     * Watches one of the console's shared engines (joining its one event stream) and never closes it; when the
     * handle switches to another engine (another endpoint's runner engine), it watches that one.
     *
     * @param role what the engine is for
     */
    public static EngineMonitor sharing(EngineHandle handle, Role role) {
        EngineMonitor monitor = new EngineMonitor(handle::get, false, role);
        monitor.switching = handle.onSwitch(monitor::retry);
        return monitor;
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
        } catch (NoEngineException e) {
            listener.accept(ConnectionState.notConfigured(role.shortName + ": " + e.reason().toLowerCase(
                    Locale.ROOT), e.fixHint()));
            return;
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
            listener.accept(connected(role, target.info()));
        } catch (EngineUnavailableException e) {
            listener.accept(unreachable(e.reason(), e.fixHint()));
        } catch (EngineException e) {
            listener.accept(unreachable("The container engine failed: " + e.getMessage(),
                    "Check the engine's log; Retry once it is healthy"));
        }
    }

    /**
     * Short enough for two engines beside the endpoint in a 1024 px status bar: the role, the product and version,
     * and the host of an engine on another machine; the rest (where, API, found via) in the detail.
     */
    static ConnectionState connected(Role role, EngineInfo info) {
        String remote = info.host().getScheme().equals("unix") && !info.source().startsWith("ssh://") ? ""
                : " on " + remoteHost(info);
        return ConnectionState.connected(
                role.shortName + ": " + info.product().displayName() + " " + info.version() + remote,
                info.where() + " · API " + info.apiVersion() + ", " + info.os() + "/" + info.arch() + " · found via " + info.source());
    }

    private ConnectionState unreachable(String reason, String fixHint) {
        return ConnectionState.unreachable(role.title + " unreachable", reason, fixHint);
    }

    private static String remoteHost(EngineInfo info) {
        URI where = URI.create(info.where());
        return where.getHost() != null ? where.getHost() : info.where();
    }

    /** What an engine is for, in the status bar's words. */
    public enum Role {
        /** This machine's engine, where the wizard builds. */
        BUILD("Build engine", "Build"),
        /** The signed-in endpoint's runner engine, where its plugin runs the runner containers. */
        RUNNERS("Runner engine", "Runners");

        private final String title;
        private final String shortName;

        Role(String title, String shortName) {
            this.title = title;
            this.shortName = shortName;
        }
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
        if (switching != null) {
            try {
                switching.close();
            } catch (IOException e) {
                // Only unregisters a listener.
            }
        }
        run(this::disconnect);
        serial.shutdown();
    }
}
