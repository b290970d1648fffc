package dev.drpconsole.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.Closeable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The console's one container event stream, fanned out: what each watcher hears, and when the stream is open. */
class SharedEngineTest {
    private final InMemoryEngine engine = new InMemoryEngine();
    private final SharedEngine shared = new SharedEngine(engine);

    @Test
    void everyWatcherHearsEveryEventOfOneStream() throws Exception {
        List<String> status = new ArrayList<>();
        List<String> containers = new ArrayList<>();

        Closeable first = shared.watchEvents(EventQuery.containers(), e -> status.add(e.name()),
                EngineConnectionListener.ignoring());
        Closeable second = shared.watchEvents(EventQuery.containers(), e -> containers.add(e.name()),
                EngineConnectionListener.ignoring());
        engine.add("drp-runner-1", "runner:1");

        assertEquals(1, engine.openWatches(), "one stream for both");
        assertEquals(List.of("drp-runner-1"), status);
        assertEquals(List.of("drp-runner-1"), containers);

        first.close();
        engine.add("drp-runner-2", "runner:1");
        assertEquals(List.of("drp-runner-1"), status, "nothing after close");
        assertEquals(1, engine.openWatches());
        second.close();
        assertEquals(0, engine.openWatches(), "the stream closes with its last watcher");
    }

    @Test
    void aLateWatcherOfAConnectedStreamHearsItIsConnectedAndLossReachesAll() {
        List<String> heard = new ArrayList<>();
        shared.watchEvents(EventQuery.containers(), e -> { }, EngineConnectionListener.ignoring());

        shared.watchEvents(EventQuery.containers(), e -> { }, new EngineConnectionListener() {
            @Override
            public void onConnected() {
                heard.add("connected");
            }

            @Override
            public void onLost(String reason, Duration nextRetry) {
                heard.add("lost: " + reason);
            }
        });
        engine.goAway("engine stopped");

        assertEquals(List.of("connected", "lost: engine stopped"), heard);
    }

    @Test
    void otherQueriesGetTheirOwnStream() {
        shared.watchEvents(EventQuery.containers(), e -> { }, EngineConnectionListener.ignoring());
        shared.watchEvents(EventQuery.everything(), e -> { }, EngineConnectionListener.ignoring());

        assertEquals(2, engine.openWatches());
    }
}
