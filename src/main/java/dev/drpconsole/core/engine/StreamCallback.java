package dev.drpconsole.core.engine;

import com.github.dockerjava.api.async.ResultCallback;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life cycle of one docker-java stream (logs, events, build or load output): started, ended, failed, closed.
 * Written instead of docker-java's {@code ResultCallback.Adapter} because that one logs every failure as an
 * ERROR with a stack trace, while here failures are expected (a container goes away, the engine restarts) and are
 * reported to the caller as typed exceptions.
 *
 * <p>docker-java calls {@code onStart}, {@code onNext}, {@code onError} and {@code onComplete} from its own stream
 * thread; {@link #close()} may be called from any thread.
 */
abstract class StreamCallback<T> implements ResultCallback<T> {

    private static final Logger LOG = LoggerFactory.getLogger(StreamCallback.class);

    private final CountDownLatch startedOrEnded = new CountDownLatch(1);
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile Closeable stream;
    private volatile boolean started;
    private volatile Throwable failure;
    private volatile boolean closed;
    private Runnable whenEnded; // guarded by this
    private boolean endReported; // guarded by this

    @Override
    public void onStart(Closeable newStream) {
        stream = newStream;
        started = true;
        if (closed) {
            closeQuietly(newStream);
        }
        startedOrEnded.countDown();
    }

    @Override
    public void onError(Throwable throwable) {
        // Closing the stream ourselves makes its read fail: that is not a failure worth reporting.
        if (!closed) {
            failure = throwable;
        }
        end();
    }

    @Override
    public void onComplete() {
        end();
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(stream);
        end();
    }

    /** Runs the action once the stream has ended or was closed (at once if it already has). */
    void whenEnded(Runnable action) {
        boolean endedAlready;
        synchronized (this) {
            whenEnded = action;
            endedAlready = endReported;
        }
        if (endedAlready) {
            action.run();
        }
    }

    boolean isClosed() {
        return closed;
    }

    /** Whether the engine answered and the stream flows (or flowed). */
    boolean hasStarted() {
        return started;
    }

    Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    /**
     * Waits until the engine answered (or the stream already ended).
     *
     * @return false when nothing happened within the deadline
     */
    boolean awaitStart(Duration deadline) throws InterruptedException {
        return startedOrEnded.await(deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    void awaitEnd() throws InterruptedException {
        ended.await();
    }

    boolean awaitEnd(Duration deadline) throws InterruptedException {
        return ended.await(deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void end() {
        startedOrEnded.countDown();
        ended.countDown();
        Runnable action;
        synchronized (this) {
            if (endReported) {
                return;
            }
            endReported = true;
            action = whenEnded;
        }
        if (action != null) {
            action.run();
        }
    }

    /** Calls a stream's listener; one that fails is logged, and the stream goes on for what comes after. */
    static void notifyListener(Runnable call, String whichListener) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("A {} failed; the stream goes on", whichListener, e);
        }
    }

    private static void closeQuietly(Closeable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (IOException | RuntimeException ignored) {
            // The stream is being abandoned; there is nobody left to tell.
        }
    }
}
