package dev.drpconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drpconsole.testsupport.SandboxEndpoint;
import java.net.http.WebSocket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * §B.9: a client that reads slower than events come loses frames, silently, and keeps its socket, as on a v3 DRP
 * endpoint (melody's per-session buffer); here the buffer is 4 frames instead of 256.
 */
@Tag("sandbox")
class EventBufferTest {
    private static final int BUFFER = 4;
    private static final int POSTED = 300;
    /** Big enough that the posted events fill the TCP buffers of a reader that stopped reading. */
    private static final int PAYLOAD_CHARS = 64 * 1024;

    @RegisterExtension
    static final SandboxEndpoint SANDBOX = new SandboxEndpoint(config -> config.withEventBuffer(BUFFER));

    @Test
    void aReaderThatFallsBehindLosesFramesSilentlyAndKeepsItsSocket() throws Exception {
        SandboxApi api = SandboxApi.forServer(SANDBOX.server());
        EventSocketTest.Frames reader = new EventSocketTest.Frames();
        WebSocket socket = api.websocket("ws", reader);
        socket.sendText("register flood.*.*", true).join();
        assertEquals("register", reader.next().path("Action").asText());
        reader.stall();
        reader.received.clear();
        long droppedBefore = SANDBOX.server().droppedEventFrames();

        String payload = "x".repeat(PAYLOAD_CHARS);
        for (int i = 0; i < POSTED; i++) {
            api.post("events", "{\"Type\":\"flood\",\"Action\":\"wave\",\"Key\":\"" + i + "\",\"Object\":\""
                    + payload + "\"}");
        }
        reader.resume(socket);
        int flood = 0;
        while (reader.received.poll(1, TimeUnit.SECONDS) != null) { // until the sandbox has sent what it kept
            flood++;
        }
        api.post("events", "{\"Type\":\"flood\",\"Action\":\"last\",\"Key\":\"after\"}");

        assertEquals("after", reader.next().path("Key").asText(), "the socket stayed open and still delivers");
        assertTrue(flood < POSTED, "some of the " + POSTED + " frames were dropped; " + flood + " arrived");
        assertEquals(POSTED - flood, SANDBOX.server().droppedEventFrames() - droppedBefore,
                "the sandbox counted the frames it dropped");
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }
}
