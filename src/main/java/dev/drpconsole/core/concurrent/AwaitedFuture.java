package dev.drpconsole.core.concurrent;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Work that already runs elsewhere (a {@code DrpConnections} attempt on its own serial thread), as the call of a
 * {@link BackgroundTask}: the task waits for the future on the runner's I/O executor, so its outcome reaches the
 * UI thread through the same callbacks, slot and cancel as any other task. Start the work where the user acts (on
 * the UI thread, which keeps the order of attempts) and wrap its future: {@code
 * BackgroundTask.wrap(AwaitedFuture.of(connections.connect(profile, password)))}. The task fails with the work's own
 * exception, not an {@link ExecutionException} around it.
 */
public final class AwaitedFuture<T> implements Callable<T> {
    private final Future<T> future;

    private AwaitedFuture(Future<T> future) {
        this.future = future;
    }

    public static <T> AwaitedFuture<T> of(Future<T> future) {
        return new AwaitedFuture<>(future);
    }

    @Override
    public T call() throws Exception {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }
}
