package dev.drpconsole.core.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drpconsole.core.engine.DockerEngine;
import dev.drpconsole.core.engine.EngineEndpoint;
import dev.drpconsole.testsupport.TestEnv;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the status bar is told about the engine, from the real engine and from broken ones. */
@Tag("engine")
class EngineMonitorTest {
    private final BlockingQueue<ConnectionState> reports = new LinkedBlockingQueue<>();

    @Test
    void reportsTheRealEngineByNameVersionAndSocket() throws Exception {
        URI host = TestEnv.get().dockerHost();
        try (EngineMonitor monitor = new EngineMonitor(EngineMonitor.Role.BUILD, () -> DockerEngine.open(EngineEndpoint.of(host, "test")))) {
            monitor.start(reports::add);
            ConnectionState state = next();
            assertEquals(ConnectionState.Kind.CONNECTED, state.kind(), state.toString());
            assertEquals("Build: Docker " + TestEnv.get().dockerServerVersion(), state.headline());
            assertTrue(state.detail().startsWith(host.getPath() + " · API "), state.detail());
            assertTrue(state.detail().contains("found via test"), state.detail());
        }
    }

    @Test
    void anEngineThatAcceptsButNeverAnswersIsReportedNotWaitedOnForever(@TempDir Path dir) throws Exception {
        Path socket = dir.resolve("silent.sock");
        List<SocketChannel> held = new ArrayList<>();
        try (ServerSocketChannel silent = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            silent.bind(UnixDomainSocketAddress.of(socket));
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept()); // accept and never answer, like a hung engine
                    }
                } catch (Exception closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            try (EngineMonitor monitor = new EngineMonitor(EngineMonitor.Role.BUILD,
                    () -> DockerEngine.open(EngineEndpoint.of(URI.create("unix://" + socket), "test")))) {
                monitor.start(reports::add);
                ConnectionState state = next();
                assertEquals(ConnectionState.Kind.UNREACHABLE, state.kind(), state.toString());
                assertTrue(state.detail().contains("did not answer"), state.detail());
                assertTrue(!state.fixHint().isBlank(), "a fix is offered");
            }
        }
    }

    @Test
    void retryRightAfterStartEndsWithOneAnswerAboutTheCurrentEngine(@TempDir Path dir) throws Exception {
        URI missing = URI.create("unix://" + dir.resolve("missing.sock"));
        try (EngineMonitor monitor = new EngineMonitor(EngineMonitor.Role.BUILD, () -> DockerEngine.open(EngineEndpoint.of(missing, "test")))) {
            monitor.start(reports::add);
            monitor.retry();
            monitor.retry();
            ConnectionState state = next();
            assertEquals(ConnectionState.Kind.UNREACHABLE, state.kind());
            assertTrue(state.detail().contains("missing.sock"), state.detail());
        }
        Thread.sleep(500);
        assertEquals(0, Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("engine-monitor")).count(),
                "closing the monitor ends its thread");
    }

    private ConnectionState next() throws InterruptedException {
        ConnectionState state = reports.poll(15, TimeUnit.SECONDS);
        if (state == null) {
            throw new AssertionError("no report within 15 s");
        }
        return state;
    }
}
