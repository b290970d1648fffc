package dev.drpconsole.ui.runners;

import dev.drpconsole.core.engine.ContainerEngine;
import dev.drpconsole.core.engine.ContainerQuery;
import dev.drpconsole.core.engine.ContainerSummary;
import dev.drpconsole.core.engine.EngineConnectionListener;
import dev.drpconsole.core.engine.EngineException;
import dev.drpconsole.core.engine.EngineHandle;
import dev.drpconsole.core.engine.EventQuery;
import dev.drpconsole.core.engine.RunnerContainerName;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The states of the runner containers on the engine, kept current: it watches the engine's container events and
 * lists the containers again after them. A burst of events (a container starting gives several) leads to one list
 * while another is queued, not one per event.
 */
final class RunnerContainers implements AutoCloseable {
    private final EngineHandle engine;
    private final Executor io;
    private final Executor fxThread;
    private final Consumer<Map<String, String>> states;
    private final AtomicBoolean listQueued = new AtomicBoolean();
    private final Object lock = new Object();
    private Closeable watch;
    private boolean closed;

    /**
     * @param states hears, on the FX thread, container state by machine UUID, or null when the engine cannot be
     *               asked
     */
    RunnerContainers(EngineHandle engine, Executor io, Executor fxThread, Consumer<Map<String, String>> states) {
        this.engine = engine;
        this.io = io;
        this.fxThread = fxThread;
        this.states = states;
    }

    /** Lists now and starts watching; returns at once. */
    void start() {
        io.execute(() -> {
            try {
                Closeable opened = engine.get().watchEvents(EventQuery.containers(), event -> {
                    if (RunnerContainerName.isRunner(event.name())) {
                        queueList();
                    }
                }, new EngineConnectionListener() {
                    @Override
                    public void onConnected() {
                        queueList(); // catches up on whatever changed while it was away
                    }

                    @Override
                    public void onLost(String reason, Duration nextRetry) {
                        deliver(null);
                    }
                });
                keep(opened);
            } catch (EngineException e) {
                deliver(null);
            }
        });
        queueList();
    }

    private void keep(Closeable opened) {
        synchronized (lock) {
            if (!closed) {
                watch = opened;
                return;
            }
        }
        closeQuietly(opened);
    }

    private void queueList() {
        if (listQueued.compareAndSet(false, true)) {
            io.execute(this::list);
        }
    }

    private void list() {
        listQueued.set(false); // events from now on queue another list
        Map<String, String> byMachine = new HashMap<>();
        try {
            ContainerEngine containers = engine.get();
            for (ContainerSummary container : containers.containers().list(ContainerQuery.all())) {
                container.runnerMachineUuid().ifPresent(uuid -> byMachine.merge(uuid.toString(), container.state(),
                        (one, other) -> "running".equals(one) ? one : other));
            }
        } catch (EngineException e) {
            deliver(null);
            return;
        }
        deliver(byMachine);
    }

    private void deliver(Map<String, String> byMachine) {
        synchronized (lock) {
            if (closed) {
                return;
            }
        }
        fxThread.execute(() -> {
            synchronized (lock) {
                if (closed) {
                    return;
                }
            }
            states.accept(byMachine);
        });
    }

    @Override
    public void close() {
        Closeable open;
        synchronized (lock) {
            closed = true;
            open = watch;
            watch = null;
        }
        if (open != null) {
            closeQuietly(open);
        }
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // Stopping an event stream: nothing the user could act on.
        }
    }
}
