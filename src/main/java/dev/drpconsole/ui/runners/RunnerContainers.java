package dev.drpconsole.ui.runners;

import dev.drpconsole.core.concurrent.BackgroundTask;
import dev.drpconsole.core.concurrent.TaskRunner;
import dev.drpconsole.core.concurrent.TaskSlot;
import dev.drpconsole.core.engine.ContainerEngine;
import dev.drpconsole.core.engine.ContainerQuery;
import dev.drpconsole.core.engine.ContainerSummary;
import dev.drpconsole.core.engine.EngineConnectionListener;
import dev.drpconsole.core.engine.EngineHandle;
import dev.drpconsole.core.engine.EventQuery;
import dev.drpconsole.core.engine.RunnerContainerName;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The states of the runner containers on the engine, kept current: it watches the engine's container events and
 * lists the containers again after them. A burst of events (a container starting gives several) leads to one list
 * while another is queued, not one per event. Every state it reports goes through one {@link TaskSlot}, so a
 * slower, older list never overwrites a newer one or the news that the engine went away, and nothing is reported
 * once closed.
 */
final class RunnerContainers implements AutoCloseable {
    private final EngineHandle engine;
    private final TaskRunner tasks;
    private final Consumer<Map<String, String>> states;
    private final TaskSlot reports = new TaskSlot();
    private final AtomicBoolean listQueued = new AtomicBoolean();
    private final Object lock = new Object();
    private Closeable watch; // guarded by lock
    private boolean closed; // guarded by lock

    /**
     * @param states hears, on the UI thread, container state by machine UUID, or null when the engine cannot be
     *               asked
     */
    RunnerContainers(EngineHandle engine, TaskRunner tasks, Consumer<Map<String, String>> states) {
        this.engine = engine;
        this.tasks = tasks;
        this.states = states;
    }

    /** Lists now and starts watching; returns at once. */
    void start() {
        // Not cancelled on close: interrupting the engine's first location would only make it fail; openWatch
        // closes a stream that opens too late itself, and engineGone() reports nothing once closed.
        BackgroundTask.wrap(this::openWatch).onFailure(failure -> engineGone()).executeWith(tasks);
        queueList();
    }

    private void openWatch() {
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
                engineGone();
            }
        });
        synchronized (lock) {
            if (!closed) {
                watch = opened;
                return;
            }
        }
        closeQuietly(opened); // closed while it opened: the task's callbacks are dropped, the stream must not leak
    }

    private void queueList() {
        if (listQueued.compareAndSet(false, true)) {
            report(BackgroundTask.wrap(this::list));
        }
    }

    private void engineGone() {
        report(BackgroundTask.wrap(() -> null));
    }

    private void report(BackgroundTask<Map<String, String>> task) {
        task.in(reports).onSuccess(states).onFailure(failure -> states.accept(null));
        synchronized (lock) { // an event racing close() either starts before the slot is cancelled, or not at all
            if (!closed) {
                task.executeWith(tasks);
            }
        }
    }

    /** Blocking: container state by runner machine UUID, a running container winning over a stopped one. */
    private Map<String, String> list() {
        listQueued.set(false); // events from now on queue another list
        Map<String, String> byMachine = new HashMap<>();
        ContainerEngine containers = engine.get();
        for (ContainerSummary container : containers.containers().list(ContainerQuery.all())) {
            container.runnerMachineUuid().ifPresent(uuid -> byMachine.merge(uuid.toString(), container.state(),
                    (one, other) -> "running".equals(one) ? one : other));
        }
        return byMachine;
    }

    /** Call on the UI thread: no state is reported after this returns. */
    @Override
    public void close() {
        Closeable open;
        synchronized (lock) {
            closed = true;
            open = watch;
            watch = null;
        }
        reports.cancel();
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
