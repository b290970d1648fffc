package dev.drpconsole.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drpconsole.testsupport.TestEnv;
import dev.drpconsole.testsupport.TestLabels;
import dev.drpconsole.testsupport.UnixSocketProxy;
import java.io.Closeable;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The event stream across an engine that is missing, appears, goes away and comes back. The "engine" the stream
 * watches is a unix-socket proxy to the real engine that the test starts and stops, so the shared engine itself
 * keeps running; the containers that make events are created through the real socket.
 */
class EventStreamReconnectTest {

    /** The first retries come after 0.5, 1 and 2 s; this leaves room for one more. */
    static final Duration RECONNECT_PATIENCE = Duration.ofSeconds(8);
    static final Duration PATIENCE = Duration.ofSeconds(10);

    static DockerEngine engine;

    @BeforeAll
    static void openEngine() {
        engine = EngineTestSupport.openProvisionedEngine();
    }

    @AfterAll
    static void removeWhatThisRunCreated() {
        if (engine != null) {
            EngineTestSupport.removeEverythingLabelledByThisRun(engine);
            engine.close();
        }
    }

    @Test
    void reportsLossAndReconnectsCatchingUpOnEventsMissedWhileAway(@TempDir Path dir) throws Exception {
        Path realSocket = Path.of(TestEnv.get().dockerHost().getPath());
        Path proxySocket = dir.resolve("engine.sock");
        RecordingEventListener watcher = new RecordingEventListener();
        EventQuery ours = EventQuery.containers().withLabel(TestLabels.KEY, TestLabels.runId());

        try (UnixSocketProxy proxy = new UnixSocketProxy(proxySocket, realSocket);
                DockerEngine viaProxy = DockerEngine.open(
                        EngineEndpoint.of(URI.create("unix://" + proxySocket), "test proxy"));
                Closeable watch = viaProxy.watchEvents(ours, watcher, watcher)) {

            assertEquals("lost: No Docker engine answers at unix://" + proxySocket + " (socket not found)",
                    watcher.nextConnectionChange(PATIENCE), "no engine yet");

            proxy.start();
            assertEquals("connected", watcher.nextConnectionChange(RECONNECT_PATIENCE), "engine appeared");
            String seenLive = runShortContainer();
            assertTrue(watcher.awaitActions(seenLive, PATIENCE, "start", "die"), watcher.actionsOf(seenLive).toString());

            proxy.stop();
            assertTrue(watcher.nextConnectionChange(PATIENCE).startsWith("lost: "), "engine went away");
            String startedWhileAway = runShortContainer();

            proxy.start();
            assertEquals("connected", watcher.nextConnectionChange(RECONNECT_PATIENCE), "engine came back");
            assertTrue(watcher.awaitActions(startedWhileAway, PATIENCE, "create", "start", "die"),
                    "events from while the stream was away are caught up: " + watcher.actionsOf(startedWhileAway));
            assertEquals(List.of("create", "start", "die"), watcher.actionsOf(seenLive).stream()
                    .filter(List.of("create", "start", "die")::contains).toList(), "no event delivered twice");
        }
    }

    private static String runShortContainer() {
        return engine.containers().run(ContainerSpec.of(TestEnv.get().baseImage())
                .withLabels(TestLabels.forThisRun()).withCommand("true"));
    }
}
