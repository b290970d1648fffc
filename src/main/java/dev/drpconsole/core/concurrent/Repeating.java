package dev.drpconsole.core.concurrent;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Runs an action again and again with a pause between the end of one run and the start of the next, until closed.
 * Uses the JDK's shared delay scheduler, so a view that ticks while shown owns no thread of its own.
 */
public final class Repeating implements AutoCloseable {
    private final Runnable action;
    private final Executor afterPause;
    private volatile boolean closed;

    private Repeating(Runnable action, Duration pause, Executor executor) {
        this.action = action;
        this.afterPause = CompletableFuture.delayedExecutor(pause.toMillis(), TimeUnit.MILLISECONDS, executor);
    }

    /** Starts repeating; the first run comes after one pause. */
    public static Repeating every(Duration pause, Runnable action, Executor executor) {
        Repeating repeating = new Repeating(action, pause, executor);
        repeating.afterPause.execute(repeating::runOnce);
        return repeating;
    }

    private void runOnce() {
        if (closed) {
            return;
        }
        try {
            action.run();
        } finally {
            if (!closed) {
                afterPause.execute(this::runOnce);
            }
        }
    }

    /** No run starts after this. */
    @Override
    public void close() {
        closed = true;
    }
}
