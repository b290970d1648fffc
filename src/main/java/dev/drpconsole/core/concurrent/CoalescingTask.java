package dev.drpconsole.core.concurrent;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Runs a task on request, at most once per gap and never twice at a time: requests that arrive while a run waits
 * are folded into it, and requests that arrive while it runs are folded into one more run. Made for refreshes
 * triggered by bursty events (starting one container fires create, start, attach… within milliseconds) where
 * only the newest state matters, so a burst costs one refresh instead of one per event.
 */
public final class CoalescingTask implements AutoCloseable {
    private final Runnable task;
    private final Executor afterGap;
    private boolean scheduled; // guarded by this
    private boolean running; // guarded by this
    private boolean again; // guarded by this
    private boolean closed; // guarded by this

    /**
     * @param task     the blocking work, run on {@code executor}
     * @param gap      how long a request waits before its run; further requests in that time join it
     * @param executor runs the task
     */
    public CoalescingTask(Runnable task, Duration gap, Executor executor) {
        this.task = task;
        this.afterGap = gap.isZero() ? executor
                : CompletableFuture.delayedExecutor(gap.toMillis(), TimeUnit.MILLISECONDS, executor);
    }

    /** Asks for a run; returns at once. */
    public void request() {
        synchronized (this) {
            if (closed) {
                return;
            }
            if (running) {
                again = true;
                return;
            }
            if (scheduled) {
                return;
            }
            scheduled = true;
        }
        afterGap.execute(this::run);
    }

    private void run() {
        synchronized (this) {
            scheduled = false;
            if (closed) {
                return;
            }
            running = true;
        }
        try {
            task.run();
        } finally {
            boolean runAgain;
            synchronized (this) {
                running = false;
                runAgain = again && !closed;
                again = false;
            }
            if (runAgain) {
                request();
            }
        }
    }

    /** No run starts after this; one already running finishes. */
    @Override
    public synchronized void close() {
        closed = true;
    }
}
