package dev.drpconsole.core.drp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link DrpEvents} over one OkHttp websocket to {@code /api/v3/ws}, authenticated with the client's current
 * bearer token (renewed before a reconnect when the server refused it).
 *
 * <p>Threading: everything happens on one thread, {@code drp-events}: socket callbacks, (de)registrations, timers,
 * and every call to subscribers and stream listeners, so events reach them in the server's order and state needs
 * no locks. After a drop it reconnects with a pause that starts at {@link DrpClientOptions#reconnectInitial()} and
 * doubles up to {@link DrpClientOptions#reconnectMax()}, registers every filter again, and reports
 * {@code connected(true)} once the server acknowledged them all (or the acknowledgement timed out). After a long
 * run of frames, in which the endpoint may have dropped some silently, it reports
 * {@code eventsMayHaveBeenDropped()} ({@link BurstWatch}).
 *
 * <p>Over the house's ~400 lines on purpose: the socket, the registration protocol with its acknowledgements and the
 * reconnect all share that one thread's state; split, they would need the locks this design avoids.
 */
public final class OkHttpDrpEvents implements DrpEvents {
    private static final Logger LOG = LoggerFactory.getLogger(OkHttpDrpEvents.class);
    /**
     * A run of this many frames may hide drops. A drop means the server's buffer (melody's 256 frames on DRP) was full,
     * so we then receive at least that many in a run; a quarter of it leaves room for smaller buffers, and is far above
     * what an endpoint sends when nothing much happens.
     */
    private static final int BURST_FRAMES = 64;
    /** A gap this long ends a run: the server had nothing queued for us. */
    private static final long QUIET_MILLIS = 500;
    /**
     * A burst that goes on is reported this often too, so a steadily busy endpoint's views still catch up. Long enough
     * that a usual burst (1,000 changes) gets only the resync at its end, which then is not held back by
     * {@link LiveObjects}' gap after a resync in the middle of it.
     */
    private static final long LONGEST_BURST_MILLIS = 30_000;

    private final DrpHttp http;
    private final OkHttpClient socketClient;
    private final DrpClientOptions options;
    private final ScheduledThreadPoolExecutor loop;
    private final List<EventStreamListener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean connected;
    private volatile boolean closed;

    // Owned by the loop thread.
    private final Map<String, Integer> holders = new LinkedHashMap<>();
    private final List<Subscriber> subscribers = new ArrayList<>();
    private final Set<String> acked = new HashSet<>();
    private final Set<String> awaitingAcks = new HashSet<>();
    private final Map<String, List<CompletableFuture<Boolean>>> waiting = new HashMap<>();
    private WebSocket socket;
    private WebSocket opening;
    private int generation;
    private boolean announced;
    private boolean everAnnounced;
    private boolean authRejected;
    private long pauseMillis;
    private ScheduledFuture<?> ackTimer;
    private final BurstWatch bursts = new BurstWatch(BURST_FRAMES, TimeUnit.MILLISECONDS.toNanos(QUIET_MILLIS),
            TimeUnit.MILLISECONDS.toNanos(LONGEST_BURST_MILLIS));

    OkHttpDrpEvents(DrpHttp http, DrpClientOptions options) {
        this.http = http;
        this.options = options;
        // No read timeout on an idle event stream (pings find dead peers), but a bound on the handshake: OkHttp
        // applies the call timeout to the upgrade only.
        this.socketClient = http.http().newBuilder().readTimeout(0, TimeUnit.MILLISECONDS)
                .callTimeout(options.connectTimeout().plus(options.readTimeout()).toMillis(), TimeUnit.MILLISECONDS)
                .pingInterval(20, TimeUnit.SECONDS).build();
        this.pauseMillis = options.reconnectInitial().toMillis();
        this.loop = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "drp-events");
            thread.setDaemon(true);
            return thread;
        });
        loop.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        loop.execute(this::connect);
    }

    @Override
    public EventSubscription subscribe(String filter, Consumer<DrpEvent> listener) {
        Subscriber subscriber = new Subscriber(filter, new EventFilterMatcher(filter), listener);
        if (!post(() -> add(subscriber))) {
            subscriber.registered.complete(false);
        }
        return subscriber;
    }

    @Override
    public AutoCloseable addListener(EventStreamListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public boolean isConnected() {
        return connected;
    }

    /** Stops the socket and the thread; no subscriber or listener is called after this returns. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        connected = false;
        try {
            loop.execute(() -> {
                if (socket != null) {
                    socket.close(1000, "closing");
                }
                if (opening != null) {
                    opening.cancel();
                }
            });
        } catch (RejectedExecutionException e) {
            // Already shut down.
        }
        loop.shutdown();
        if (!Thread.currentThread().getName().equals("drp-events")) {
            try {
                loop.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private boolean post(Runnable task) {
        if (closed) {
            return false;
        }
        try {
            loop.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    private void connect() {
        if (closed) {
            return;
        }
        int attempt = ++generation;
        if (http.signInEnded()) {
            LOG.info("The event socket to {} stops: the sign-in ended", http.url());
            return; // nothing to retry with; signing in again makes a new client
        }
        if (authRejected && !http.tokens().canRenew()) {
            http.endWithRefusedToken(403); // the saved token was refused and cannot be renewed
            return;
        }
        if (authRejected) {
            try {
                http.renewAfterRejection(http.tokens().token());
                authRejected = false;
            } catch (DrpAuthException e) {
                LOG.info("The event socket to {} stops: {}", http.url(), e.getMessage());
                return;
            } catch (DrpException e) {
                LOG.info("Cannot sign in again for the event socket ({}); retrying", e.getMessage());
                retryLater();
                return;
            }
        }
        Request request = new Request.Builder().url(http.api("ws").build())
                .header("Authorization", "Bearer " + http.tokens().token()).build();
        opening = socketClient.newWebSocket(request, new SocketListener(attempt));
    }

    private void opened(int attempt, WebSocket opened) {
        if (attempt != generation || closed) {
            opened.cancel();
            return;
        }
        socket = opened;
        opening = null;
        bursts.reset();
        acked.clear();
        awaitingAcks.addAll(holders.keySet());
        holders.keySet().forEach(filter -> opened.send("register " + filter));
        if (awaitingAcks.isEmpty()) {
            announce();
        } else {
            ackTimer = loop.schedule(() -> ackTimedOut(attempt), options.ackTimeout().toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    private void ackTimedOut(int attempt) {
        if (attempt != generation || announced || closed) {
            return;
        }
        LOG.warn("{} did not acknowledge the event filters {} within {} ms; carrying on without the "
                + "acknowledgement", http.url(), awaitingAcks, options.ackTimeout().toMillis());
        new ArrayList<>(awaitingAcks).forEach(filter -> releaseWaiters(filter, false));
        awaitingAcks.clear();
        announce();
    }

    private void received(int attempt, String text) {
        if (attempt != generation || closed) {
            return;
        }
        if (bursts.frame(System.nanoTime())) {
            loop.schedule(() -> watchBurst(attempt), QUIET_MILLIS, TimeUnit.MILLISECONDS);
        }
        JsonNode frame;
        try {
            frame = DrpJson.read(text);
        } catch (IOException e) {
            LOG.debug("Ignoring an event frame that is not JSON ({} chars)", text.length());
            return;
        }
        String type = frame.path("Type").asText("");
        String action = frame.path("Action").asText("");
        String key = frame.path("Key").asText("");
        if ("websocket".equals(type)) {
            if ("register".equals(action)) {
                acknowledged(key);
            }
            return;
        }
        JsonNode object = frame.get("Object");
        DrpEvent event = new DrpEvent(time(frame.path("Time").asText("")), type, action, key,
                frame.path("Principal").asText(""), object instanceof ObjectNode o ? o : null);
        for (Subscriber subscriber : subscribers) {
            if (!subscriber.closed && subscriber.matcher.matches(type, action, key)) {
                try {
                    subscriber.listener.accept(event);
                } catch (RuntimeException e) {
                    LOG.warn("An event subscriber for {} failed on {} {} {}", subscriber.filter, type, action, key, e);
                }
            }
        }
    }

    /** Polls the burst until it is over, telling listeners each time frames may have been dropped. */
    private void watchBurst(int attempt) {
        if (attempt != generation || closed) {
            return; // a new socket: its connected(true) resync covers everything
        }
        if (bursts.resyncDue(System.nanoTime())) {
            LOG.debug("A burst of events from {}: it may have dropped some; resyncing", http.url());
            for (EventStreamListener listener : listeners) {
                try {
                    listener.eventsMayHaveBeenDropped();
                } catch (RuntimeException e) {
                    LOG.warn("An event stream listener failed on a burst", e);
                }
            }
        }
        if (bursts.inBurst()) {
            loop.schedule(() -> watchBurst(attempt), QUIET_MILLIS / 2, TimeUnit.MILLISECONDS);
        }
    }

    private static Instant time(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return Instant.now();
        }
    }

    private void acknowledged(String filter) {
        acked.add(filter);
        releaseWaiters(filter, true);
        if (awaitingAcks.remove(filter) && awaitingAcks.isEmpty() && !announced) {
            announce();
        }
    }

    /** @param acknowledged true when the server acknowledged the filter, false when the socket failed first */
    private void releaseWaiters(String filter, boolean acknowledged) {
        List<CompletableFuture<Boolean>> released = waiting.remove(filter);
        if (released != null) {
            released.forEach(future -> future.complete(acknowledged));
        }
    }

    private void announce() {
        if (ackTimer != null) {
            ackTimer.cancel(false);
            ackTimer = null;
        }
        announced = true;
        connected = true;
        pauseMillis = options.reconnectInitial().toMillis();
        boolean reconnect = everAnnounced;
        everAnnounced = true;
        LOG.debug("Event socket to {} is up ({})", http.url(), reconnect ? "reconnected" : "first connection");
        for (EventStreamListener listener : listeners) {
            try {
                listener.connected(reconnect);
            } catch (RuntimeException e) {
                LOG.warn("An event stream listener failed on connect", e);
            }
        }
    }

    private void dropped(int attempt, String reason) {
        if (attempt != generation || closed) {
            return;
        }
        generation++; // later callbacks of the dead socket are ignored
        socket = null;
        opening = null;
        if (ackTimer != null) {
            ackTimer.cancel(false);
            ackTimer = null;
        }
        acked.clear();
        awaitingAcks.clear();
        new ArrayList<>(waiting.keySet()).forEach(filter -> releaseWaiters(filter, false));
        boolean wasUp = announced;
        announced = false;
        connected = false;
        if (wasUp) {
            LOG.info("Event socket to {} dropped ({}); reconnecting", http.url(), reason);
            for (EventStreamListener listener : listeners) {
                try {
                    listener.disconnected(reason);
                } catch (RuntimeException e) {
                    LOG.warn("An event stream listener failed on disconnect", e);
                }
            }
        } else {
            LOG.debug("Event socket to {} failed ({}); retrying in {} ms", http.url(), reason, pauseMillis);
        }
        retryLater();
    }

    private void retryLater() {
        long pause = pauseMillis;
        pauseMillis = Math.min(pauseMillis * 2, options.reconnectMax().toMillis());
        loop.schedule(this::connect, pause, TimeUnit.MILLISECONDS);
    }

    private void add(Subscriber subscriber) {
        if (subscriber.closed) {
            subscriber.registered.complete(false);
            return;
        }
        subscribers.add(subscriber);
        int holding = holders.merge(subscriber.filter, 1, Integer::sum);
        if (acked.contains(subscriber.filter)) {
            subscriber.registered.complete(true); // another holder's registration is in place
            return;
        }
        if (socket == null && opening == null) {
            // Waiting to reconnect: connected() will say when to catch up.
            subscriber.registered.complete(false);
            return;
        }
        // Released by the acknowledgement, the acknowledgement timeout, or the socket failing.
        waiting.computeIfAbsent(subscriber.filter, filter -> new ArrayList<>()).add(subscriber.registered);
        if (socket == null) {
            return; // still opening: opened() registers every held filter
        }
        subscriber.registered.completeOnTimeout(false, options.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
        if (holding == 1) {
            socket.send("register " + subscriber.filter);
            if (!announced) {
                awaitingAcks.add(subscriber.filter);
            }
        }
    }

    private void remove(Subscriber subscriber) {
        subscriber.registered.complete(false);
        if (!subscribers.remove(subscriber)) {
            return;
        }
        int holding = holders.merge(subscriber.filter, -1, Integer::sum);
        if (holding > 0) {
            return;
        }
        holders.remove(subscriber.filter);
        acked.remove(subscriber.filter);
        releaseWaiters(subscriber.filter, false);
        if (socket != null) {
            socket.send("deregister " + subscriber.filter);
            if (awaitingAcks.remove(subscriber.filter) && awaitingAcks.isEmpty() && !announced) {
                announce();
            }
        }
    }

    /** One holder of a filter. */
    private final class Subscriber implements EventSubscription {
        final String filter;
        final EventFilterMatcher matcher;
        final Consumer<DrpEvent> listener;
        final CompletableFuture<Boolean> registered = new CompletableFuture<>();
        volatile boolean closed;

        Subscriber(String filter, EventFilterMatcher matcher, Consumer<DrpEvent> listener) {
            this.filter = filter;
            this.matcher = matcher;
            this.listener = listener;
        }

        @Override
        public CompletionStage<Boolean> registered() {
            return registered;
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (!post(() -> remove(this))) {
                registered.complete(false);
            }
        }
    }

    /** Hands OkHttp's callbacks (on its reader thread) to the loop thread, tagged with the attempt they belong to. */
    private final class SocketListener extends WebSocketListener {
        private final int attempt;

        SocketListener(int attempt) {
            this.attempt = attempt;
        }

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            if (!post(() -> opened(attempt, webSocket))) {
                webSocket.cancel();
            }
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            post(() -> received(attempt, text));
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            webSocket.close(1000, null);
            post(() -> dropped(attempt, "the endpoint closed the event socket" + (reason.isEmpty() ? ""
                    : ": " + reason)));
        }

        @Override
        public void onClosed(WebSocket webSocket, int code, String reason) {
            post(() -> dropped(attempt, "the event socket closed"));
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable failure, Response response) {
            int status = response == null ? 0 : response.code();
            post(() -> {
                if (status == 401 || status == 403) {
                    authRejected = attempt == generation;
                }
                dropped(attempt, status != 0 ? "the endpoint refused the event socket (HTTP " + status + ")"
                        : String.valueOf(failure.getMessage()));
            });
        }
    }
}
