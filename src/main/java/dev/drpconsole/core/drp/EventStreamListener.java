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

    /**
     * A long run of events just ended (or has gone on for a while): a real endpoint may have dropped some of them
     * for us without a word, and the socket is still up. Holders of live state should list again (a resync).
     */
    default void eventsMayHaveBeenDropped() {
    }
}
