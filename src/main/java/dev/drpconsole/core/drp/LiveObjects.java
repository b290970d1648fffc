package dev.drpconsole.core.drp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Keeps a view's copy of one object type current: subscribes to {@code <prefix>.*.*} first, then lists once the
 * registration is in place (events that arrive during the list are held and applied after it, so none is lost),
 * applies every event after that, and lists again (a resync) when events may have been missed:
 * <ul>
 *   <li>whenever the event socket (re)connects: events were missed while it was down;</li>
 *   <li>after a burst of events ({@link EventStreamListener#eventsMayHaveBeenDropped}): a real endpoint drops frames
 *   for a client that falls behind, silently, and keeps the socket open (melody's 256-frame buffer per socket; no
 *   sequence numbers). A drop needs that buffer full, which the client then sees as a long run of frames, so only
 *   after such a run can anything be missing, changed values included (a workflow set on many machines), which a
 *   count could not see. Nothing is asked of the endpoint while it is quiet. A resync after a burst starts no
 *   sooner than {@value #RESYNC_COST_SHARE} times the last list's duration after that list began (at least
 *   {@value #MIN_RESYNC_GAP_MILLIS} ms): a type that takes a second to list (10,000 machines) is listed at most every
 *   20 s however busy the endpoint, so it spends at most 1/{@value #RESYNC_COST_SHARE} of the time listing.</li>
 * </ul>
 * Only the newest list is applied when lists overlap. Listener calls come from one background thread at a time, in
 * order; UIs batch them onto the FX thread.
 */
public final class LiveObjects<T extends DrpObject> implements AutoCloseable {

    /** What a live copy hears. */
    public interface Listener<T> {
        /** The whole set, after the first list and after each resync. */
        void reset(List<T> all);

        /** An object was created or changed. */
        void changed(T object);

        void removed(String key);

        /** Listing failed; a resync follows when the event socket reconnects. */
        void failed(DrpException error);
    }

    private static final int RESYNC_COST_SHARE = 20;
    private static final long MIN_RESYNC_GAP_MILLIS = 1_000;

    private final DrpClient client;
    private final DrpType<T> type;
    private volatile Filter listFilter; // without its sort once an endpoint refused that sort
    private final Predicate<T> keep;
    private final Executor io;
    private final Object lock = new Object();
    private Listener<T> listener;
    private List<DrpEvent> heldEvents; // non-null while a list is running
    private int listing; // the newest list; an older one that finishes late is dropped
    private EventSubscription subscription;
    private AutoCloseable streamListener;
    private boolean closed;
    private long lastListStart; // System.nanoTime()
    private long lastListNanos;
    private boolean resyncWaiting; // a resync after a burst waits out the gap
    /** Set (on the event thread, before it announces the connection) when the first list followed the ack. */
    private volatile boolean listedAfterAck;
    /** Set once the filter's registration came to an end (acknowledged or not) and the first list was asked for. */
    private volatile boolean registrationSettled;

    /**
     * @param listFilter narrows the list on the server
     * @param keep       the same narrowing for objects that arrive in events (events are not filtered by the server)
     * @param io         runs the lists
     */
    public LiveObjects(DrpClient client, DrpType<T> type, Filter listFilter, Predicate<T> keep, Executor io) {
        this.client = client;
        this.type = type;
        this.listFilter = listFilter;
        this.keep = keep;
        this.io = io;
    }

    /** Starts following; returns at once. */
    public void start(Listener<T> listener) {
        this.listener = listener;
        DrpEvents events = client.events();
        streamListener = events.addListener(new EventStreamListener() {
            @Override
            public void connected(boolean reconnect) {
                // Also on the first connection when the list already ran without the server acknowledging our
                // filter (the socket was not up yet): that list may have missed events sent before the filter was
                // in place. Not while our filter is still on its way: its acknowledgement lists then (listing here
                // too listed 10,000 machines twice when a page started following as the socket came up).
                if (reconnect || registrationSettled && !listedAfterAck) {
                    relist();
                }
            }

            @Override
            public void disconnected(String reason) {
                // Nothing to do until it is back: the resync on reconnect catches up.
            }

            @Override
            public void eventsMayHaveBeenDropped() {
                resyncAfterBurst();
            }
        });
        subscription = events.subscribe(type.prefix() + ".*.*", this::onEvent);
        subscription.registered().thenAccept(acknowledged -> {
            listedAfterAck = acknowledged;
            registrationSettled = true;
            relist();
        });
    }

    /** Lists again, but not sooner than the gap allows after the last list (one waits; later bursts join it). */
    private void resyncAfterBurst() {
        long wait;
        synchronized (lock) {
            if (closed || resyncWaiting) {
                return;
            }
            long gap = Math.max(TimeUnit.MILLISECONDS.toNanos(MIN_RESYNC_GAP_MILLIS),
                    lastListNanos * RESYNC_COST_SHARE);
            wait = listing == 0 ? 0 : lastListStart + gap - System.nanoTime(); // (nanoTime may be negative)
            resyncWaiting = wait > 0;
        }
        if (wait <= 0) {
            relist();
            return;
        }
        CompletableFuture.delayedExecutor(wait, TimeUnit.NANOSECONDS, io).execute(() -> {
            synchronized (lock) {
                resyncWaiting = false;
            }
            relist();
        });
    }

    private void relist() {
        int mine;
        long started = System.nanoTime();
        synchronized (lock) {
            if (closed) {
                return;
            }
            lastListStart = started;
            mine = ++listing;
            if (heldEvents == null) {
                heldEvents = new ArrayList<>(); // an older list still running keeps the events held so far
            }
        }
        io.execute(() -> {
            List<T> all;
            try {
                all = listAllowingUnsorted();
            } catch (DrpException e) {
                synchronized (lock) {
                    if (mine == listing) {
                        heldEvents = null;
                        if (!closed) {
                            listener.failed(e);
                        }
                    }
                }
                return;
            }
            synchronized (lock) {
                lastListNanos = System.nanoTime() - started;
                if (closed || mine != listing) {
                    return;
                }
                listener.reset(all.stream().filter(keep).toList());
                List<DrpEvent> held = heldEvents;
                heldEvents = null;
                held.forEach(this::apply);
            }
        });
    }

    /**
     * The list as the filter asks; unsorted when the endpoint cannot sort by the index asked for (406 "Not
     * sortable: X", for an unordered index), now and for every later list: the order only spares the view some
     * sorting, and the view sorts what it shows itself.
     */
    private List<T> listAllowingUnsorted() {
        Filter asked = listFilter;
        try {
            return client.list(type, asked);
        } catch (DrpApiException e) {
            if (e.code() != 406 || !asked.isSorted()) {
                throw e;
            }
            listFilter = asked.withoutSort();
            return client.list(type, listFilter);
        }
    }

    private void onEvent(DrpEvent event) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            if (heldEvents != null) {
                heldEvents.add(event);
            } else {
                apply(event);
            }
        }
    }

    private void apply(DrpEvent event) {
        if (event.isDelete()) {
            listener.removed(event.key());
            return;
        }
        // As the list has it (e.g. without Params): events carry whole objects.
        event.object(type, listFilter::asListed).ifPresent(object -> {
            if (keep.test(object)) {
                listener.changed(object);
            } else {
                listener.removed(object.key()); // it no longer matches (e.g. a machine that stopped being a runner)
            }
        });
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
        }
        if (subscription != null) {
            subscription.close();
        }
        if (streamListener != null) {
            try {
                streamListener.close();
            } catch (Exception e) {
                // Removing a listener does no I/O; nothing to report.
            }
        }
    }
}
