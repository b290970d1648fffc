package dev.drpconsole.core.drp;

import java.util.function.Consumer;

/**
 * The endpoint's event websocket: one socket per endpoint, shared by every view. Subscriptions register their
 * filter ({@code type.action.key}, each part a value or {@code *}) and deregister when the last holder of that
 * filter closes. The socket reconnects with backoff by itself; listeners hear {@code connected(true)} to resync.
 */
public interface DrpEvents extends AutoCloseable {

    /**
     * Starts receiving events that match {@code filter}, e.g. {@code machines.*.*}. Returns at once; the
     * registration is sent (and acknowledged) in the background.
     *
     * @param listener called on the stream thread, in the order the server sent the events
     */
    EventSubscription subscribe(String filter, Consumer<DrpEvent> listener);

    /** @return removes the listener when closed */
    AutoCloseable addListener(EventStreamListener listener);

    boolean isConnected();

    @Override
    void close();
}
