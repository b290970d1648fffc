package dev.drpconsole.core.engine;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One engine shared by the whole console: every {@code watchEvents(EventQuery.containers(), …)} joins a single event
 * stream, opened for the first watcher and closed after the last, instead of each view opening its own. A watcher
 * that joins a stream already connected hears {@code onConnected} at once (it lists then, as after a reconnect).
 * Other queries, and everything that is not an event stream, go to the engine as they are.
 */
public final class SharedEngine extends ForwardingEngine {
    private final List<Watcher> watchers = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private Closeable stream; // guarded by lock
    private volatile boolean connected;

    public SharedEngine(ContainerEngine engine) {
        super(engine);
    }

    /** How many watchers share the container event stream now (tests, diagnostics). */
    public int watcherCount() {
        return watchers.size();
    }

    @Override
    public Closeable watchEvents(EventQuery query, EngineEventListener events, EngineConnectionListener connection) {
        if (!EventQuery.containers().equals(query)) {
            return delegate().watchEvents(query, events, connection);
        }
        Watcher watcher = new Watcher(events, connection);
        boolean alreadyConnected;
        synchronized (lock) {
            watchers.add(watcher);
            if (stream == null) {
                connected = false;
                stream = delegate().watchEvents(query, this::fanOut, new EngineConnectionListener() {
                    @Override
                    public void onConnected() {
                        connected = true;
                        watchers.forEach(Watcher::connected);
                    }

                    @Override
                    public void onLost(String reason, Duration nextRetry) {
                        connected = false;
                        watchers.forEach(each -> each.lost(reason, nextRetry));
                    }
                });
            }
            alreadyConnected = connected;
        }
        if (alreadyConnected) {
            watcher.connected();
        }
        return () -> leave(watcher);
    }

    private void fanOut(EngineEvent event) {
        watchers.forEach(watcher -> watcher.event(event));
    }

    private void leave(Watcher watcher) throws IOException {
        watcher.close();
        Closeable last = null;
        synchronized (lock) {
            if (watchers.remove(watcher) && watchers.isEmpty()) {
                last = stream;
                stream = null;
                connected = false;
            }
        }
        if (last != null) {
            last.close();
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            watchers.forEach(Watcher::close);
            watchers.clear();
            stream = null;
        }
        super.close();
    }

    /** One watcher's callbacks; none arrives after its close returned. */
    private static final class Watcher {
        private final EngineEventListener events;
        private final EngineConnectionListener connection;
        private boolean closed; // guarded by this

        Watcher(EngineEventListener events, EngineConnectionListener connection) {
            this.events = events;
            this.connection = connection;
        }

        synchronized void event(EngineEvent event) {
            if (!closed) {
                events.onEvent(event);
            }
        }

        synchronized void connected() {
            if (!closed) {
                connection.onConnected();
            }
        }

        synchronized void lost(String reason, Duration nextRetry) {
            if (!closed) {
                connection.onLost(reason, nextRetry);
            }
        }

        synchronized void close() {
            closed = true;
        }
    }
}
