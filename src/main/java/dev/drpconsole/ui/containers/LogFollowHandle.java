package dev.drpconsole.ui.containers;

import java.io.Closeable;
import java.io.IOException;

/**
 * The handle of a log follow that is still being opened on a background thread: closing it before the engine
 * answered closes the follow as soon as it arrives, so a quickly changed selection leaves no stream behind.
 */
final class LogFollowHandle implements AutoCloseable {
    private Closeable follow; // guarded by this
    private boolean closed; // guarded by this

    void opened(Closeable newFollow) {
        boolean closeNow;
        synchronized (this) {
            follow = newFollow;
            closeNow = closed;
        }
        if (closeNow) {
            closeQuietly(newFollow);
        }
    }

    @Override
    public void close() {
        Closeable toClose;
        synchronized (this) {
            closed = true;
            toClose = follow;
        }
        if (toClose != null) {
            closeQuietly(toClose);
        }
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException | RuntimeException e) {
            // The follow is being abandoned; nothing is waiting for it.
        }
    }
}
