package dev.drpconsole.sandbox.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.sandbox.SandboxJson;
import dev.drpconsole.sandbox.auth.Principal;
import io.javalin.websocket.WsContext;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's event websocket: its registrations, and an ordered outgoing buffer drained on a shared executor,
 * so a slow client never holds up the store or other clients, and acknowledgements and events arrive in the
 * order they happened. When the buffer is full, further frames are dropped and the socket stays open, as the v3
 * server's websocket library does: the client is not told (events carry no sequence number), and a burst of drops
 * is logged once when the buffer has drained.
 */
final class EventConnection implements EventSubscriber {

    private static final Logger LOG = LoggerFactory.getLogger(EventConnection.class);
    /** Queued like a frame (so sends never overlap) and recognised by identity when sent. */
    @SuppressWarnings("StringOperationCanBeSimplified")
    private static final String PING = new String("ping");

    private final WsContext socket;
    private final Principal principal;
    private final BiPredicate<Principal, Event> visible;
    private final Executor sender;
    private final Map<String, EventFilter> filters = new ConcurrentHashMap<>();
    private final BlockingQueue<String> outgoing;
    private final LongAdder droppedEverywhere;
    private final AtomicLong droppedInBurst = new AtomicLong();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * @param bufferFrames      frames kept while the client reads slower than they come
     * @param droppedEverywhere counts this connection's dropped frames too
     */
    EventConnection(WsContext socket, Principal principal, BiPredicate<Principal, Event> visible, Executor sender,
                    int bufferFrames, LongAdder droppedEverywhere) {
        this.socket = socket;
        this.outgoing = new ArrayBlockingQueue<>(bufferFrames);
        this.droppedEverywhere = droppedEverywhere;
        this.principal = principal;
        this.visible = visible;
        this.sender = sender;
    }

    /** Handles {@code register <filter>} and {@code deregister <filter>}, acknowledging each as DRP does. */
    void received(String message) {
        String[] words = message.trim().split("\\s+", 2);
        if (words.length != 2 || !("register".equals(words[0]) || "deregister".equals(words[0]))) {
            LOG.debug("Ignoring websocket message {}", message);
            return;
        }
        String filterText = words[1].trim();
        if ("register".equals(words[0])) {
            try {
                filters.put(filterText, EventFilter.parse(filterText));
            } catch (IllegalArgumentException e) {
                LOG.debug("Ignoring bad registration {}: {}", filterText, e.getMessage());
            }
        } else {
            filters.remove(filterText);
        }
        // The Go client blocks until it sees one acknowledgement per (de)registration.
        ObjectNode ack = SandboxJson.object();
        ack.put("Time", SandboxJson.time(Instant.now()));
        ack.put("Type", "websocket");
        ack.put("Action", words[0]);
        ack.put("Key", filterText);
        ack.put("Principal", principal.id());
        ack.putNull("Object");
        ack.putNull("Original");
        enqueue(SandboxJson.text(ack));
    }

    @Override
    public void deliver(Event event) {
        if (closed.get() || !visible.test(principal, event)) {
            return;
        }
        for (EventFilter filter : filters.values()) {
            if (filter.matches(event)) {
                enqueue(SandboxJson.text(event.toJson()));
                return;
            }
        }
    }

    /** Sends a websocket ping after whatever is queued. */
    void ping() {
        if (!closed.get()) {
            enqueue(PING);
        }
    }

    void close() {
        closed.set(true);
        outgoing.clear();
    }

    private void enqueue(String frame) {
        // gopkg.in/olahol/melody.v1 session.go writeMessage: "select { case s.output <- message: default:
        // s.melody.errorHandler(s, errors.New("session message buffer is full")) }": the frame is dropped and the
        // session stays open; the buffer is config.go MessageBufferSize (256).
        if (!outgoing.offer(frame)) {
            droppedInBurst.incrementAndGet();
            droppedEverywhere.increment();
            return;
        }
        if (draining.compareAndSet(false, true)) {
            sender.execute(this::drain);
        }
    }

    private void drain() {
        try {
            String frame;
            while (!closed.get() && (frame = outgoing.poll()) != null) {
                if (frame == PING) {
                    socket.sendPing(java.nio.ByteBuffer.allocate(0));
                } else {
                    socket.send(frame);
                }
            }
        } catch (Exception e) {
            // Also the checked IOExceptions Jetty throws through Javalin's Kotlin (undeclared), e.g. the
            // InterruptedIOException of a send blocked on a client that stopped reading when the sandbox stops.
            LOG.debug("Event websocket of {} failed: {}", principal.id(), e.toString());
            close();
        } finally {
            reportDrops();
            draining.set(false);
            if (!closed.get() && !outgoing.isEmpty() && draining.compareAndSet(false, true)) {
                sender.execute(this::drain);
            }
        }
    }

    /** Once per burst: the sender has caught up (or failed), so the frames dropped meanwhile are counted. */
    private void reportDrops() {
        long dropped = droppedInBurst.getAndSet(0);
        if (dropped > 0) {
            LOG.warn("Dropped {} event frames for {} (websocket {}): it read slower than events came and only {}"
                    + " unsent frames are kept", dropped, principal.id(), socket.sessionId(),
                    outgoing.remainingCapacity() + outgoing.size());
        }
    }
}
