package dev.drpconsole.core.engine;

import dev.drpconsole.core.concurrent.CoalescingTask;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a view's copy of the engine's containers current, as {@link dev.drpconsole.core.drp.LiveObjects} does for
 * DRP objects: it watches the engine's container events, lists once the watch is open, and lists again after
 * events and after each reconnection. Events are not applied one by one: a list is the engine's own truth (states,
 * statuses, names), and starting one container is a burst of half a dozen events, so lists are coalesced to at most
 * one per gap. When the handle switches to another engine (the user signed in to another endpoint), it follows:
 * the old stream is dropped and the new engine answers as after a first start. The listener is called on the
 * {@code ui} executor, and never after {@link #close()} returned there.
 */
public final class LiveContainers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveContainers.class);

    /** What a live copy of the containers hears, on the UI executor. */
    public interface Listener {
        /** The engine answered: which engine it is. */
        void connected(EngineInfo info);

        /** Every container, after the first list and after each change. */
        void listed(List<ContainerSummary> all);

        /**
         * No engine answers, or it went away.
         *
         * @param fix what the user can do about it
         */
        void unreachable(String reason, String fix);

        /**
         * Nothing is watched on purpose: the endpoint has no runner engine ({@link NoEngineException}). By default
         * told as unreachable, with the way to set one.
         */
        default void notWatched(String reason, String fix) {
            unreachable(reason, fix);
        }
    }

    private final EngineHandle engine;
    private final Executor io;
    private final Executor ui;
    private final CoalescingTask relist;
    private final Object lock = new Object();
    private Listener listener;
    private Closeable watch; // guarded by lock
    private Closeable switching; // guarded by lock
    private volatile boolean closed;

    /**
     * @param gap how long a list waits for more events to join it
     * @param io  runs the engine calls
     * @param ui  where the listener is called ({@code Platform::runLater}; a direct executor in tests)
     */
    public LiveContainers(EngineHandle engine, Duration gap, Executor io, Executor ui) {
        this.engine = engine;
        this.io = io;
        this.ui = ui;
        this.relist = new CoalescingTask(this::list, gap, io);
    }

    /** Starts following; returns at once. */
    public void start(Listener newListener) {
        this.listener = newListener;
        synchronized (lock) {
            switching = engine.onSwitch(this::reopen);
        }
        io.execute(this::open);
    }

    /** The handle now means another engine: the old stream went with the old engine; open one on the new. */
    private void reopen() {
        Closeable old;
        synchronized (lock) {
            old = watch;
            watch = null;
        }
        if (old != null) {
            closeQuietly(old);
        }
        if (!closed) {
            io.execute(this::open);
        }
    }

    /** Lists again soon (after an action on a container: its events also do). */
    public void relist() {
        relist.request();
    }

    private void open() {
        try {
            ContainerEngine opened = engine.get();
            EngineInfo info = opened.info();
            deliver(() -> listener.connected(info));
            keep(opened.watchEvents(EventQuery.containers(), event -> relist.request(),
                    new EngineConnectionListener() {
                        @Override
                        public void onConnected() {
                            relist.request(); // events may have been missed while away
                        }

                        @Override
                        public void onLost(String reason, Duration nextRetry) {
                            deliver(() -> listener.unreachable(reason,
                                    "The console tries again by itself; Retry tries now."));
                        }
                    }));
            relist.request();
        } catch (EngineException e) {
            unreachable(e);
        }
    }

    private void list() {
        try {
            List<ContainerSummary> all = engine.get().containers().list(ContainerQuery.all());
            deliver(() -> listener.listed(all));
        } catch (EngineUnavailableException e) {
            unreachable(e);
        } catch (EngineException e) {
            LOG.debug("Listing containers failed; the next event tries again", e);
        }
    }

    private void unreachable(EngineException e) {
        if (e instanceof NoEngineException none) {
            deliver(() -> listener.notWatched(none.reason(), none.fixHint()));
        } else if (e instanceof EngineUnavailableException unavailable) {
            deliver(() -> listener.unreachable(unavailable.reason(), unavailable.fixHint()));
        } else {
            deliver(() -> listener.unreachable(e.getMessage(), "Check the engine, then Retry."));
        }
    }

    private void deliver(Runnable call) {
        if (!closed) {
            ui.execute(() -> {
                if (!closed) {
                    call.run();
                }
            });
        }
    }

    /** A watch that opens after the close is closed at once. */
    private void keep(Closeable opened) {
        synchronized (lock) {
            if (!closed) {
                watch = opened;
                return;
            }
        }
        closeQuietly(opened);
    }

    /** Stops following; call it on the UI executor's thread, so that nothing reaches the listener after it. */
    @Override
    public void close() {
        Closeable open;
        Closeable following;
        synchronized (lock) {
            closed = true;
            open = watch;
            watch = null;
            following = switching;
            switching = null;
        }
        relist.close();
        if (following != null) {
            closeQuietly(following);
        }
        if (open != null) {
            io.execute(() -> closeQuietly(open)); // closing a stream may wait on its socket
        }
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("Closing an engine stream failed; it is abandoned", e);
        }
    }
}
