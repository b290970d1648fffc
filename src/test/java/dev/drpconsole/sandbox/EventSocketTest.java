package dev.drpconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drpconsole.testsupport.SandboxEndpoint;
import java.io.IOException;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** §5: the event websocket, its acknowledgements, filters, and what machine tokens may see. */
@Tag("sandbox")
class EventSocketTest {

    @RegisterExtension
    static final SandboxEndpoint SANDBOX = new SandboxEndpoint();
    static SandboxApi api;

    @BeforeAll
    static void start() {
        api = SandboxApi.forServer(SANDBOX.server());
    }

    /** Collects text frames; can stop reading them, as a slow client does. */
    static final class Frames implements WebSocket.Listener {
        final LinkedBlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        private volatile boolean stalled;

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    received.add(SandboxJson.parse(partial.toString().getBytes(StandardCharsets.UTF_8)));
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
                partial.setLength(0);
            }
            if (!stalled) {
                socket.request(1);
            }
            return null;
        }

        /** Reads no further frame until resumed. */
        void stall() {
            stalled = true;
        }

        void resume(WebSocket socket) {
            stalled = false;
            socket.request(Long.MAX_VALUE);
        }

        JsonNode next() throws InterruptedException {
            JsonNode frame = received.poll(5, TimeUnit.SECONDS);
            assertTrue(frame != null, "no event within 5 s");
            return frame;
        }

        JsonNode nextOrNull(long millis) throws InterruptedException {
            return received.poll(millis, TimeUnit.MILLISECONDS);
        }
    }

    @Test
    void registrationsAreAcknowledgedAndMatchingChangesArriveWithTheObject() throws Exception {
        Frames frames = new Frames();
        WebSocket socket = api.websocket("ws", frames);
        socket.sendText("register contexts.*.*", true).join();
        JsonNode ack = frames.next();
        assertEquals("websocket", ack.path("Type").asText());
        assertEquals("register", ack.path("Action").asText());
        assertEquals("contexts.*.*", ack.path("Key").asText());

        api.post("contexts", "{\"Name\":\"evented\",\"Engine\":\"docker-context\"}");
        api.patch("contexts/evented", "[{\"op\":\"replace\",\"path\":\"/Image\",\"value\":\"img\"}]");
        api.post("machines", "{\"Name\":\"not-watched\"}");
        api.delete("contexts/evented");
        JsonNode created = frames.next();
        assertEquals("create", created.path("Action").asText());
        assertEquals("evented", created.path("Key").asText());
        assertEquals("docker-context", created.path("Object").path("Engine").asText());
        JsonNode updated = frames.next();
        assertEquals("update", updated.path("Action").asText());
        assertEquals("img", updated.path("Object").path("Image").asText());
        assertEquals("", updated.path("Original").path("Image").asText());
        assertEquals("delete", frames.next().path("Action").asText());

        socket.sendText("deregister contexts.*.*", true).join();
        assertEquals("deregister", frames.next().path("Action").asText());
        api.post("contexts", "{\"Name\":\"after-deregister\"}");
        assertNull(frames.nextOrNull(500), "nothing arrives after deregistering");
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }

    @Test
    void commaListsAndEscapesSelectValues() throws Exception {
        Frames frames = new Frames();
        WebSocket socket = api.websocket("ws", frames);
        socket.sendText("register contexts,profiles.create.one\\1dot,two", true).join();
        frames.next();
        api.post("contexts", "{\"Name\":\"skipped\"}");
        api.post("profiles", "{\"Name\":\"one.dot\"}");
        api.post("contexts", "{\"Name\":\"two\"}");
        assertEquals("one.dot", frames.next().path("Key").asText());
        assertEquals("two", frames.next().path("Key").asText());
        socket.abort();
    }

    /** [v3 code] frontend/websocket.go and DRP v4.7.0 api/event_stream.go split in 3: the key keeps its dots. */
    @Test
    void aKeyWithDotsIsMatchedWhole() throws Exception {
        Frames frames = new Frames();
        WebSocket socket = api.websocket("ws", frames);
        socket.sendText("register profiles.create.site.rack-1.cfg", true).join();
        frames.next();
        api.post("profiles", "{\"Name\":\"site\"}");
        api.post("profiles", "{\"Name\":\"site.rack-1.cfg\"}");
        assertEquals("site.rack-1.cfg", frames.next().path("Key").asText());
        socket.abort();
    }

    /**
     * [v3 code] frontend/websocket.go wsFilterFunction: an event reaches a user only when their claims cover
     * {@code <type> <action> <key>}. A role that may only list and get hears no change at all; one that may update a
     * single context hears that context's updates only.
     */
    @Test
    void aUserHearsOnlyTheEventsTheirClaimsCover() throws Exception {
        api.post("roles", "{\"Name\":\"ev-reader\",\"Claims\":[{\"scope\":\"contexts\",\"action\":\"list, get\","
                + "\"specific\":\"*\"},{\"scope\":\"contexts\",\"action\":\"update\",\"specific\":\"ev-mine\"}]}");
        api.post("users", "{\"Name\":\"ev-reader\",\"Roles\":[\"ev-reader\"]}");
        api.put("users/ev-reader/password", "{\"Password\":\"ev-pw\"}");
        SandboxApi reader = api.withAuthorization("Basic " + java.util.Base64.getEncoder().encodeToString(
                "ev-reader:ev-pw".getBytes(StandardCharsets.UTF_8)));
        Frames frames = new Frames();
        WebSocket socket = reader.websocket("ws", frames);
        socket.sendText("register contexts.*.*", true).join();
        assertEquals("register", frames.next().path("Action").asText(), "the registration is acknowledged");

        api.post("contexts", "{\"Name\":\"ev-other\"}");
        api.post("contexts", "{\"Name\":\"ev-mine\"}");
        api.patch("contexts/ev-other", "[{\"op\":\"replace\",\"path\":\"/Image\",\"value\":\"a\"}]");
        api.patch("contexts/ev-mine", "[{\"op\":\"replace\",\"path\":\"/Image\",\"value\":\"b\"}]");

        JsonNode heard = frames.next();
        assertEquals("update", heard.path("Action").asText());
        assertEquals("ev-mine", heard.path("Key").asText());
        assertNull(frames.nextOrNull(500), "no create, and no update of a context the role may not update");
        socket.abort();
    }

    @Test
    void postedEventsAreDelivered() throws Exception {
        Frames frames = new Frames();
        WebSocket socket = api.websocket("ws", frames);
        socket.sendText("register beeblebrox.*.*", true).join();
        frames.next();
        api.post("events", "{\"Type\":\"beeblebrox\",\"Action\":\"zaphod\",\"Key\":\"42\",\"Object\":{\"heads\":2}}");
        JsonNode event = frames.next();
        assertEquals("zaphod", event.path("Action").asText());
        assertEquals(2, event.path("Object").path("heads").asInt());
        socket.abort();
    }

    @Test
    void theQueryTokenAuthenticatesAndAMachineTokenSeesOnlyItsMachine() throws Exception {
        String own = api.post("machines", "{\"Name\":\"watcher\"}").json().path("Uuid").asText();
        String other = api.post("machines", "{\"Name\":\"watched\"}").json().path("Uuid").asText();
        String token = api.get("machines/" + own + "/token").json().path("Token").asText();
        Frames frames = new Frames();
        WebSocket socket = api.anonymous().websocket("ws?token=" + token, frames);
        socket.sendText("register machines.*.*", true).join();
        frames.next();
        api.patch("machines/" + other, "[{\"op\":\"replace\",\"path\":\"/Description\",\"value\":\"x\"}]");
        api.patch("machines/" + own, "[{\"op\":\"replace\",\"path\":\"/Description\",\"value\":\"y\"}]");
        assertEquals(own, frames.next().path("Key").asText());
        socket.abort();
    }

    /**
     * [v3 code] frontend/frontend.go authBlob.Principal ("user:" + name, "runner:" + machine uuid) and
     * backend/requestTracker.go (every event published while serving a request carries its principal); [v3 run] a
     * change the server makes while serving a request is an {@code update} by that principal.
     */
    @Test
    void eventsNameWhoCausedThemTheServersOwnChangesInARequestToo() throws Exception {
        String uuid = api.post("machines", "{\"Name\":\"principled\"}").json().path("Uuid").asText();
        api.post("users", "{\"Name\":\"fred\"}");
        String token = api.get("machines/" + uuid + "/token").json().path("Token").asText();
        Frames frames = new Frames();
        WebSocket socket = api.websocket("ws", frames);
        socket.sendText("register machines,users.*.principled,fred," + uuid, true).join();
        assertEquals("user:rocketskates", frames.next().path("Principal").asText(), "the acknowledgement");

        api.put("users/fred/password", "{\"Password\":\"secret\"}");
        JsonNode password = frames.next();
        assertEquals("update", password.path("Action").asText(), "the server's own change, in a request");
        assertEquals("user:rocketskates", password.path("Principal").asText());
        api.withToken(token).patch("machines/" + uuid,
                "[{\"op\":\"replace\",\"path\":\"/Description\",\"value\":\"by its agent\"}]");
        JsonNode byAgent = frames.next();
        assertEquals("by its agent", byAgent.path("Object").path("Description").asText());
        assertEquals("runner:" + uuid, byAgent.path("Principal").asText());
        socket.abort();
    }

    @Test
    void noCredentialsNoWebsocket() {
        Throwable failure = api.anonymous().websocketAsync("ws", new Frames()).handle((ok, error) -> error).join();
        assertTrue(failure != null && failure.getCause() instanceof java.net.http.WebSocketHandshakeException,
                String.valueOf(failure));
        assertEquals(401, ((java.net.http.WebSocketHandshakeException) failure.getCause()).getResponse()
                .statusCode());
    }
}
