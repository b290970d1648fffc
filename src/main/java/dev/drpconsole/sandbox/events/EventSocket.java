package dev.drpconsole.sandbox.events;

import dev.drpconsole.sandbox.auth.AuthFailure;
import dev.drpconsole.sandbox.auth.Authenticator;
import dev.drpconsole.sandbox.auth.Principal;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * The event websocket, {@code /api/v3/ws}: clients authenticate like any API call (header or {@code ?token=}),
 * send {@code register type.action.key} lines, and get one JSON event per text frame.
 */
public final class EventSocket implements AutoCloseable {

    /**
     * Keeps idle agent connections open through proxies and Jetty's idle timeout; Go answers pings itself. Sent by
     * our own daemon thread: Javalin's automatic pings run on a non-daemon thread that kept the JVM (the console,
     * a benchmark) alive after the sandbox stopped.
     */
    private static final long PING_SECONDS = 30;

    private final EventBus bus;
    private final Authenticator authenticator;
    private final BiPredicate<Principal, Event> visible;
    private final int bufferFrames;
    private final LongAdder droppedFrames = new LongAdder();
    private final ExecutorService sender = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "sandbox-event-sender");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, EventConnection> connections = new ConcurrentHashMap<>();
    private final ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "sandbox-event-ping");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param bufferFrames unsent frames kept per connection; a client that reads slower loses the rest
     * @param visible      whether a principal may see an event (machine tokens see only their own machine and jobs)
     */
    public EventSocket(EventBus bus, Authenticator authenticator, int bufferFrames,
                       BiPredicate<Principal, Event> visible) {
        this.bus = bus;
        this.bufferFrames = bufferFrames;
        this.authenticator = authenticator;
        this.visible = visible;
        pinger.scheduleAtFixedRate(() -> connections.values().forEach(EventConnection::ping), PING_SECONDS,
                PING_SECONDS, TimeUnit.SECONDS);
    }

    /** The Javalin websocket handlers. Credentials were already checked before the upgrade. */
    public Consumer<WsConfig> handlers() {
        return ws -> {
            ws.onConnect(context -> {
                Principal principal;
                try {
                    principal = principalOf(context);
                } catch (AuthFailure e) {
                    // Checked before the upgrade; this only happens when the machine went in between.
                    context.closeSession(1008, "credentials no longer valid");
                    return;
                }
                context.session.setIdleTimeout(java.time.Duration.ofHours(24));
                EventConnection connection = new EventConnection(context, principal, visible, sender,
                        bufferFrames, droppedFrames);
                connections.put(context.sessionId(), connection);
                bus.subscribe(connection);
            });
            ws.onMessage(context -> {
                EventConnection connection = connections.get(context.sessionId());
                if (connection != null) {
                    connection.received(context.message());
                }
            });
            ws.onClose(context -> forget(context));
            ws.onError(context -> forget(context));
        };
    }

    private Principal principalOf(WsContext context) {
        return authenticator.authenticate(context.header("Authorization"), context.queryParam("token"));
    }

    private void forget(WsContext context) {
        EventConnection connection = connections.remove(context.sessionId());
        if (connection != null) {
            bus.unsubscribe(connection);
            connection.close();
        }
    }

    /** Frames dropped so far, over all connections, because a client read slower than events came. */
    public long droppedFrames() {
        return droppedFrames.sum();
    }

    public int openConnections() {
        return connections.size();
    }

    @Override
    public void close() {
        connections.values().forEach(connection -> {
            bus.unsubscribe(connection);
            connection.close();
        });
        connections.clear();
        pinger.shutdownNow();
        sender.shutdownNow();
    }
}
