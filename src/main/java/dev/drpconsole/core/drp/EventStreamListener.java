package dev.drpconsole.core.drp;

/** Learns when the event websocket connects and drops. Called on the stream's own thread. */
public interface EventStreamListener {

    /**
     * The socket is up and every subscription is registered (acknowledged) again. After a reconnect, events
     * may have been missed: holders of live state must re-list ({@code resync}).
     *
     * @param reconnect false for the first connection, true after a drop
     */
    void connected(boolean reconnect);

    /** The socket dropped; the stream retries with growing pauses until closed. */
    void disconnected(String reason);
}
