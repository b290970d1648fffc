package dev.drpconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sandbox that stops while it is sending events to a client that stopped reading ends its sender quietly. Its
 * sender used to die with an uncaught InterruptedIOException, which test tooling (TestFX registers every uncaught
 * exception in the JVM) raised in whatever test ran next, and which a console hosting the sandbox printed.
 */
@Tag("sandbox")
class EventSocketCloseTest {
    /** Big enough that the posted events fill the TCP buffers of a reader that stopped reading. */
    private static final int PAYLOAD_CHARS = 64 * 1024;

    @TempDir
    Path dir;

    @Test
    void stoppingWhileASendIsBlockedLeavesNoUncaughtException() throws Exception {
        List<String> uncaught = new CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> uncaught.add(thread.getName() + ": " + e));
        try {
            SandboxServer server = SandboxServer.start(SandboxConfig.inDataDir(Files.createDirectories(
                    dir.resolve("data"))).withPort(0).withoutRunners());
            SandboxApi api = SandboxApi.forServer(server);
            EventSocketTest.Frames reader = new EventSocketTest.Frames();
            WebSocket socket = api.websocket("ws", reader);
            socket.sendText("register flood.*.*", true).join();
            assertEquals("register", reader.next().path("Action").asText());
            reader.stall();

            String payload = "x".repeat(PAYLOAD_CHARS);
            for (int i = 0; i < 100; i++) { // 6.4 MB: far more than the socket buffers hold
                api.post("events", "{\"Type\":\"flood\",\"Action\":\"wave\",\"Key\":\"" + i + "\",\"Object\":\""
                        + payload + "\"}");
            }
            TimeUnit.MILLISECONDS.sleep(300); // the sender is now blocked in a send
            server.close();
            TimeUnit.MILLISECONDS.sleep(500); // an interrupted sender ends within this

            assertTrue(uncaught.isEmpty(), "uncaught: " + uncaught);
            socket.abort();
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
    }
}
