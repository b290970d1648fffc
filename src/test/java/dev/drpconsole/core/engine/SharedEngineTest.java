package dev.drpconsole.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.Closeable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The console's one container event stream, fanned out: what each view hears, and when the stream is open. */
class SharedEngineTest {
    /** Records the streams opened on it; the test plays the engine's side. */
    private static final class RecordingEngine implements ContainerEngine {
        final List<EngineEventListener> streams = new ArrayList<>();
        final List<EngineConnectionListener> connections = new ArrayList<>();
        int open;

        @Override
        public Closeable watchEvents(EventQuery query, EngineEventListener events, EngineConnectionListener connection) {
            streams.add(events);
            connections.add(connection);
            open++;
            return () -> open--;
        }

        @Override
        public EngineEndpoint endpoint() {
            throw new UnsupportedOperationException();
        }

        @Override
        public EngineInfo info() {
            throw new UnsupportedOperationException();
        }

        @Override
        public EngineContainers containers() {
            throw new UnsupportedOperationException();
        }

        @Override
        public EngineImages images() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
        }
    }

    private static EngineEvent started(String name) {
        return new EngineEvent("container", "start", "id-" + name, name, Map.of(), java.time.Instant.EPOCH);
    }

    @Test
    void everyWatcherHearsEveryEventOfOneStream() throws Exception {
        RecordingEngine engine = new RecordingEngine();
        SharedEngine shared = new SharedEngine(engine);
        List<String> status = new ArrayList<>();
        List<String> containers = new ArrayList<>();

        Closeable first = shared.watchEvents(EventQuery.containers(), e -> status.add(e.name()),
                EngineConnectionListener.ignoring());
        Closeable second = shared.watchEvents(EventQuery.containers(), e -> containers.add(e.name()),
                EngineConnectionListener.ignoring());
        engine.streams.get(0).onEvent(started("drp-runner-1"));

        assertEquals(1, engine.streams.size(), "one stream for both");
        assertEquals(List.of("drp-runner-1"), status);
        assertEquals(List.of("drp-runner-1"), containers);

        first.close();
        engine.streams.get(0).onEvent(started("drp-runner-2"));
        assertEquals(List.of("drp-runner-1"), status, "nothing after close");
        assertEquals(1, engine.open);
        second.close();
        assertEquals(0, engine.open, "the stream closes with its last watcher");
    }

    @Test
    void aLateWatcherOfAConnectedStreamHearsItIsConnectedAndLossReachesAll() throws Exception {
        RecordingEngine engine = new RecordingEngine();
        SharedEngine shared = new SharedEngine(engine);
        List<String> heard = new ArrayList<>();
        EngineConnectionListener recording = new EngineConnectionListener() {
            @Override
            public void onConnected() {
                heard.add("connected");
            }

            @Override
            public void onLost(String reason, Duration nextRetry) {
                heard.add("lost: " + reason);
            }
        };
        shared.watchEvents(EventQuery.containers(), e -> { }, EngineConnectionListener.ignoring());
        engine.connections.get(0).onConnected();

        shared.watchEvents(EventQuery.containers(), e -> { }, recording);
        engine.connections.get(0).onLost("engine stopped", Duration.ofSeconds(1));

        assertEquals(List.of("connected", "lost: engine stopped"), heard);
    }

    @Test
    void otherQueriesGetTheirOwnStream() {
        RecordingEngine engine = new RecordingEngine();
        SharedEngine shared = new SharedEngine(engine);

        shared.watchEvents(EventQuery.containers(), e -> { }, EngineConnectionListener.ignoring());
        shared.watchEvents(EventQuery.everything(), e -> { }, EngineConnectionListener.ignoring());

        assertEquals(2, engine.open);
    }
}
