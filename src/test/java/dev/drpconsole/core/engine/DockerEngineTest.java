package dev.drpconsole.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.Version;
import dev.drpconsole.testsupport.FakeEngineSocket;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * DockerEngine without a real engine: product detection, and how a missing, stuck, flapping or closed engine is
 * reported.
 */
@Tag("engine")
class DockerEngineTest {

    static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
            false);
    static final EngineEndpoint ENDPOINT = EngineEndpoint.of(URI.create("unix:///var/run/docker.sock"), "default socket");

    @TempDir
    Path dir;

    @Test
    void dockerEngineIsRecognised() throws IOException {
        Version version = JSON.readValue("""
                {"Platform":{"Name":""},"Components":[{"Name":"Engine","Version":"20.10.24+dfsg1"},
                 {"Name":"containerd","Version":"1.6.20"}],
                 "Version":"20.10.24+dfsg1","ApiVersion":"1.41","Os":"linux","Arch":"amd64"}""", Version.class);

        EngineInfo info = DockerEngine.toEngineInfo(version, ENDPOINT);

        assertEquals(new EngineInfo(EngineProduct.DOCKER, "20.10.24+dfsg1", "1.41", "linux", "amd64",
                ENDPOINT.host(), "default socket"), info);
    }

    @Test
    void podmanIsRecognisedByItsComponentAndReportsItsOwnVersion() throws IOException {
        Version version = JSON.readValue("""
                {"Platform":{"Name":"linux/amd64/debian-12"},
                 "Components":[{"Name":"Podman Engine","Version":"4.3.1","Details":{"APIVersion":"4.3.1"}},
                  {"Name":"Conmon","Version":"conmon version 2.1.6"}],
                 "Version":"4.3.1","ApiVersion":"1.41","Os":"linux","Arch":"amd64"}""", Version.class);

        EngineInfo info = DockerEngine.toEngineInfo(version, ENDPOINT);

        assertEquals(EngineProduct.PODMAN, info.product());
        assertEquals("4.3.1", info.version());
    }

    @Test
    void missingSocketIsReportedFastWithAFix() {
        EngineEndpoint nowhere = EngineEndpoint.of(URI.create("unix://" + dir.resolve("docker.sock")), "test");
        long started = System.nanoTime();

        try (DockerEngine engine = DockerEngine.open(nowhere)) {
            EngineUnavailableException error = assertThrows(EngineUnavailableException.class, engine::info);

            assertEquals("No Docker engine answers at " + nowhere.host() + " (socket not found)", error.reason());
            assertTrue(error.fixHint().contains("dockerd"), error.fixHint());
        }
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 2000, "reported within 2 s");
    }

    /**
     * Every call, quick or streaming, reports an engine that accepts but never answers, each within the deadline
     * (all at once, so the suite waits for the deadline only once), and the quick calls share a few threads.
     */
    @Test
    void engineThatAcceptsButNeverAnswersIsReportedByEveryCallAfterTheAnswerDeadline() throws Exception {
        try (FakeEngineSocket silent = FakeEngineSocket.silent(dir.resolve("stuck.sock"));
                DockerEngine engine = DockerEngine.open(EngineEndpoint.of(silent.uri(), "test"))) {
            Map<String, Callable<Object>> calls = new LinkedHashMap<>();
            calls.put("info", engine::info);
            calls.put("list containers", () -> engine.containers().list(ContainerQuery.all()));
            calls.put("inspect", () -> engine.containers().inspect("c"));
            calls.put("start", () -> run(() -> engine.containers().start("c")));
            calls.put("stop", () -> run(() -> engine.containers().stop("c", Duration.ZERO)));
            calls.put("remove container", () -> run(() -> engine.containers().remove("c", true)));
            calls.put("run", () -> engine.containers().run(ContainerSpec.of("image")));
            calls.put("idOf", () -> engine.images().idOf("image"));
            calls.put("exists", () -> engine.images().exists("image"));
            calls.put("list images", () -> engine.images().list(Map.of(), false));
            calls.put("remove image", () -> run(() -> engine.images().remove("image", true)));
            RecordingLogListener logs = new RecordingLogListener();
            calls.put("follow logs", () -> engine.containers().followLogs("c", LogOptions.everything(), logs));
            RecordingEventListener watcher = new RecordingEventListener();
            calls.put("watch events", () -> engine.watchEvents(EventQuery.everything(), watcher, watcher));
            ExecutorService callers = Executors.newFixedThreadPool(calls.size());
            long started = System.nanoTime();

            Map<String, Future<Object>> outcomes = new LinkedHashMap<>();
            calls.forEach((name, call) -> outcomes.put(name, callers.submit(call)));
            long patience = EngineCalls.ANSWER_DEADLINE.toMillis() + 1500;
            String reported = watcher.nextConnectionChange(Duration.ofMillis(patience));

            try {
                for (Map.Entry<String, Future<Object>> outcome : outcomes.entrySet()) {
                    String name = outcome.getKey();
                    if (name.equals("follow logs") || name.equals("watch events")) {
                        outcome.getValue().get(patience, TimeUnit.MILLISECONDS); // they report to their listeners
                        continue;
                    }
                    ExecutionException failed = assertThrows(ExecutionException.class,
                            () -> outcome.getValue().get(patience, TimeUnit.MILLISECONDS), name);
                    assertInstanceOf(EngineUnavailableException.class, failed.getCause(), name);
                    assertTrue(failed.getCause().getMessage().contains("did not answer within 5 s"), name);
                }
            } finally {
                callers.shutdownNow();
            }
            long tookMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            assertTrue(tookMillis < patience, "took " + tookMillis + " ms");
            assertTrue(logs.awaitEnd(Duration.ofMillis(500)), "the log follow reported the silence");
            assertInstanceOf(EngineUnavailableException.class, logs.failure);
            assertTrue(logs.failure.getMessage().contains("did not answer within 5 s"), logs.failure.getMessage());
            assertEquals("lost: No Docker engine answers at " + silent.uri()
                    + " (it accepted the connection but did not answer within 5 s)", reported);
            assertTrue(threadsNamed("engine-call-") <= 8, "quick calls share a bounded set of threads");
        }
    }

    @Test
    void engineThatAcceptsAndHangsUpAtOnceIsRetriedWithGrowingPauses() throws Exception {
        try (FakeEngineSocket flapping = FakeEngineSocket.answeringEmptyAndHangingUp(dir.resolve("flap.sock"));
                DockerEngine engine = DockerEngine.open(EngineEndpoint.of(flapping.uri(), "test"))) {
            RecordingEventListener watcher = new RecordingEventListener();
            try (Closeable watch = engine.watchEvents(EventQuery.everything(), watcher, watcher)) {
                long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (watcher.retryPauses.size() < 3 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
            }

            assertEquals(List.of(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2)),
                    watcher.retryPauses.subList(0, Math.min(3, watcher.retryPauses.size())));
        }
    }

    @Test
    void closedEngineRefusesEveryCallPlainlyAndStartsNoWatch() {
        DockerEngine engine = DockerEngine.open(EngineEndpoint.of(URI.create("unix://" + dir.resolve("x.sock")), "t"));
        engine.close();
        engine.close(); // closing twice is fine
        int watchThreads = threadsNamed("engine-events");

        for (Executable call : List.<Executable>of(engine::info,
                () -> engine.containers().list(ContainerQuery.all()),
                () -> engine.containers().followLogs("c", LogOptions.everything(), new RecordingLogListener()),
                () -> engine.images().exists("image"),
                () -> engine.images().load(InputStream.nullInputStream()),
                () -> engine.watchEvents(EventQuery.everything(), event -> { }, EngineConnectionListener.ignoring()))) {
            EngineException error = assertThrows(EngineException.class, call);
            assertFalse(error instanceof EngineUnavailableException, error.getMessage());
            assertTrue(error.getMessage().contains("was closed"), error.getMessage());
        }
        assertEquals(watchThreads, threadsNamed("engine-events"), "no watch thread started");
    }

    private static Object run(Runnable call) {
        call.run();
        return null;
    }

    private static int threadsNamed(String prefix) {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().startsWith(prefix)).count();
    }
}
