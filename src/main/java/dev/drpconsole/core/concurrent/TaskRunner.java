package dev.drpconsole.core.concurrent;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Runs {@link BackgroundTask}s: the call on an I/O executor, the callbacks on the UI thread. The composition root
 * makes one with the console's I/O pool and {@code Platform::runLater}; view-model tests use {@link #inline()},
 * which runs everything at once on the calling thread, so their assertions need no waiting.
 */
public final class TaskRunner {
    private final Executor io;
    private final Executor ui;

    public TaskRunner(Executor io, Executor ui) {
        this.io = io;
        this.ui = ui;
    }

    /** Runs calls and callbacks on the calling thread, in order: deterministic view-model tests. */
    public static TaskRunner inline() {
        Executor direct = Runnable::run;
        return new TaskRunner(direct, direct);
    }

    /** The UI thread's executor, for updates that are not a task's callbacks (a live stream's batches). */
    public Executor ui() {
        return ui;
    }

    <T> TaskHandle execute(BackgroundTask<T> task) {
        Handle handle = new Handle();
        if (task.slot() != null) {
            task.slot().replace(handle);
        }
        task.running();
        Runnable body = () -> {
            if (handle.isCancelled()) {
                return;
            }
            handle.runningOn(Thread.currentThread());
            T result;
            try {
                result = task.call().call();
            } catch (Exception e) {
                handle.done();
                ui.execute(() -> {
                    if (!handle.isCancelled()) {
                        task.failed(e);
                    }
                });
                return;
            }
            handle.done();
            ui.execute(() -> {
                if (!handle.isCancelled()) {
                    task.succeeded(result);
                }
            });
        };
        if (io instanceof ExecutorService service) {
            handle.future(service.submit(body));
        } else {
            io.execute(body);
        }
        return handle;
    }

    /** Cancel interrupts the thread while the call runs there, and drops the callbacks either way. */
    private static final class Handle implements TaskHandle {
        private volatile boolean cancelled;
        private Thread thread; // guarded by this
        private Future<?> future; // guarded by this

        synchronized void runningOn(Thread running) {
            thread = running;
        }

        /** On the worker thread, once the call returned: a cancel's interrupt must not leak into its next task. */
        synchronized void done() {
            thread = null;
            if (cancelled) {
                Thread.interrupted();
            }
        }

        synchronized void future(Future<?> submitted) {
            future = submitted;
        }

        @Override
        public void cancel() {
            cancelled = true;
            synchronized (this) {
                if (future != null) {
                    future.cancel(true);
                } else if (thread != null) {
                    thread.interrupt();
                }
            }
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }
    }
}
