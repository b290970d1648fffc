package dev.drpconsole.core.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.EventsCmd;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventActor;
import java.io.Closeable;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows engine events on its own thread and survives the engine going away: after a lost stream it retries
 * with doubling pauses (0.5 s up to 10 s; back to 0.5 s only after a connection that held longer than the longest
 * pause, so an engine that accepts and drops at once is not asked twice a second), and on reconnect asks for events since the last one it saw, so events
 * that happened while it was away are still delivered as long as the engine kept them (Docker keeps the last
 * 1000 in memory; none survive an engine restart).
 */
final class EventWatch implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(EventWatch.class);
    static final Duration FIRST_PAUSE = Duration.ofMillis(500);
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(10);

    private final DockerClient docker;
    private final EngineErrorTranslator errors;
    private final EventQuery query;
    private final EngineEventListener events;
    private final EngineConnectionListener connection;
    private final Consumer<EventWatch> whenClosed;
    private final Object deliveryLock = new Object();
    private final Thread thread;

    private volatile boolean closed;
    private volatile EventStream current;
    private Boolean connected; // null until the first attempt ends either way
    private long lastEventNanos; // engine time of the last event delivered
    private long firstConnectedNanos; // our time when the first connection was made
    private volatile long connectedAtNanos; // System.nanoTime() when this attempt connected, 0 when it did not

    EventWatch(DockerClient docker, EngineErrorTranslator errors, EventQuery query, EngineEventListener events,
            EngineConnectionListener connection, Consumer<EventWatch> whenClosed) {
        this.docker = docker;
        this.errors = errors;
        this.query = query;
        this.events = events;
        this.connection = connection;
        this.whenClosed = whenClosed;
        this.thread = new Thread(this::watch, "engine-events");
        thread.setDaemon(true);
    }

    EventWatch start() {
        thread.start();
        return this;
    }

    @Override
    public void close() {
        synchronized (deliveryLock) {
            closed = true;
        }
        EventStream stream = current;
        if (stream != null) {
            stream.close();
        }
        thread.interrupt();
        whenClosed.accept(this);
    }

    private void watch() {
        Duration pause = FIRST_PAUSE;
        while (!closed) {
            connectedAtNanos = 0;
            String lostReason = followOnce();
            if (closed) {
                return;
            }
            pause = heldLongerThan(LONGEST_PAUSE) ? FIRST_PAUSE : pause;
            reportLost(lostReason, pause);
            if (!sleep(pause)) {
                return;
            }
            pause = doubled(pause);
        }
    }

    /** Follows one connection until it ends; returns why it ended. */
    private String followOnce() {
        EventStream stream = new EventStream();
        current = stream;
        try {
            eventsCommand().exec(stream);
            if (!stream.awaitStart(EngineCalls.ANSWER_DEADLINE)) {
                stream.close();
                return reasonFor(errors.noAnswerWithin(EngineCalls.ANSWER_DEADLINE, null));
            }
            stream.awaitEnd();
        } catch (InterruptedException e) {
            stream.close();
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            return reasonFor(e);
        }
        return stream.failure().map(this::reasonFor)
                .orElse("The engine closed the event stream (it may be restarting)");
    }

    private EventsCmd eventsCommand() {
        EventsCmd command = docker.eventsCmd();
        if (!query.types().isEmpty()) {
            command.withEventTypeFilter(query.types().toArray(String[]::new));
        }
        if (!query.labels().isEmpty()) {
            command.withLabelFilter(query.labels());
        }
        long resumeFrom = resumeFromNanos();
        if (resumeFrom > 0) {
            command.withSince(String.format("%d.%09d", resumeFrom / 1_000_000_000L, resumeFrom % 1_000_000_000L));
        }
        return command;
    }

    /**
     * Where a reconnect picks up: the last event seen, else the first connection. The latter is our clock, not the
     * engine's; they agree for the local sockets the console uses. Zero (no catch-up) before the first connection.
     */
    private long resumeFromNanos() {
        synchronized (deliveryLock) {
            return lastEventNanos > 0 ? lastEventNanos : firstConnectedNanos;
        }
    }

    private boolean heldLongerThan(Duration duration) {
        long connectedAt = connectedAtNanos;
        return connectedAt != 0 && System.nanoTime() - connectedAt > duration.toNanos();
    }

    private String reasonFor(Throwable failure) {
        EngineException translated = errors.translate(failure);
        return translated instanceof EngineUnavailableException unavailable
                ? unavailable.reason() : translated.getMessage();
    }

    private void reportConnected() {
        synchronized (deliveryLock) {
            connectedAtNanos = System.nanoTime();
            if (firstConnectedNanos == 0) {
                firstConnectedNanos = toNanos(Instant.now());
            }
            if (!closed && !Boolean.TRUE.equals(connected)) {
                connected = true;
                notifyListener(connection::onConnected);
            }
        }
    }

    private void reportLost(String reason, Duration nextRetry) {
        synchronized (deliveryLock) {
            if (!closed && !Boolean.FALSE.equals(connected)) {
                connected = false;
                LOG.info("Engine event stream lost: {}", reason);
                notifyListener(() -> connection.onLost(reason, nextRetry));
            }
        }
    }

    private void deliver(Event event) {
        long nanos = eventNanos(event);
        synchronized (deliveryLock) {
            // After a reconnect the engine replays from the last event's time, that event included: skip repeats.
            if (closed || nanos != 0 && nanos <= lastEventNanos) {
                return;
            }
            lastEventNanos = Math.max(lastEventNanos, nanos);
            notifyListener(() -> events.onEvent(toEngineEvent(event, nanos)));
        }
    }

    private static Duration doubled(Duration pause) {
        Duration twice = pause.multipliedBy(2);
        return twice.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : twice;
    }

    private static boolean sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void notifyListener(Runnable call) {
        StreamCallback.notifyListener(call, "engine event listener");
    }

    static EngineEvent toEngineEvent(Event event, long nanos) {
        Map<String, String> attributes = Optional.ofNullable(event.getActor())
                .map(EventActor::getAttributes).orElse(Map.of());
        String id = Optional.ofNullable(event.getActor()).map(EventActor::getId).orElse(event.getId());
        String type = event.getType() == null ? "" : event.getType().getValue();
        String action = inDockersWords(type, String.valueOf(
                Optional.ofNullable(event.getAction()).orElse(event.getStatus())));
        return new EngineEvent(type, action, String.valueOf(id), attributes.getOrDefault("name", ""),
                attributes, Instant.ofEpochSecond(0, nanos));
    }

    /** Podman's "remove" is Docker's "destroy" for a container and "delete" for an image; see {@link EngineEvent}. */
    static String inDockersWords(String type, String action) {
        if (!"remove".equals(action)) {
            return action;
        }
        return switch (type) {
            case "container" -> "destroy";
            case "image" -> "delete";
            default -> action;
        };
    }

    private static long eventNanos(Event event) {
        if (event.getTimeNano() != null) {
            return event.getTimeNano();
        }
        return event.getTime() == null ? 0 : event.getTime() * 1_000_000_000L;
    }

    private static long toNanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private final class EventStream extends StreamCallback<Event> {

        @Override
        public void onStart(Closeable stream) {
            super.onStart(stream);
            reportConnected();
        }

        @Override
        public void onNext(Event event) {
            deliver(event);
        }
    }
}
