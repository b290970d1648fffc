package dev.drpconsole.core.drp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Faults a healthy sandbox never shows, injected with a scripted server over plain http. */
class OkHttpDrpClientFaultTest {
    private static final DrpClientOptions FAST = DrpClientOptions.DEFAULTS
            .withTimeouts(Duration.ofMillis(500), Duration.ofMillis(400))
            .withReconnectBackoff(Duration.ofMillis(100), Duration.ofMillis(400))
            .withAckTimeout(Duration.ofMillis(500));

    private MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private DrpEndpoint endpoint(DrpCredentials credentials) {
        return new DrpEndpoint(List.of(server.url("/").toString()), credentials, false);
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    private static MockResponse token(String token) {
        return json(200, "{\"Token\":\"" + token + "\",\"Info\":{}}");
    }

    @Test
    void anExpiredTokenIsRenewedWithThePasswordAndTheCallRetriedOnce() throws Exception {
        server.enqueue(token("first"));
        server.enqueue(new MockResponse.Builder().code(403).body("{\"Type\":\"AUTH\",\"Messages\":[\"Validation "
                + "failed\"],\"Code\":403}").build());
        server.enqueue(token("second"));
        server.enqueue(json(200, "{\"version\":\"v4.8.0\"}"));
        try (OkHttpDrpClient client = OkHttpDrpClient.connect(endpoint(new DrpCredentials.Password("rocketskates",
                "secret")), new MemoryCertificatePins(), FAST)) {
            assertTrue(client.insecure(), "plain http has no certificate to check");
            assertEquals("v4.8.0", client.info().version());
            assertEquals("second", client.currentToken());
        }
        RecordedRequest signIn = server.takeRequest();
        assertEquals("/api/v3/users/rocketskates/token?ttl=3600", signIn.getTarget());
        assertTrue(signIn.getHeaders().get("Authorization").startsWith("Basic "));
        assertEquals("Bearer first", server.takeRequest().getHeaders().get("Authorization"));
        assertTrue(server.takeRequest().getHeaders().get("Authorization").startsWith("Basic "));
        RecordedRequest retried = server.takeRequest();
        assertEquals("Bearer second", retried.getHeaders().get("Authorization"));
        assertEquals("application/json", retried.getHeaders().get("Accept"));
        assertEquals("no-store", retried.getHeaders().get("Cache-Control"));
    }

    @Test
    void aSavedTokenThatExpiredEndsTheSession() {
        server.enqueue(json(200, "{\"version\":\"v4.8.0\"}"));
        server.enqueue(new MockResponse.Builder().code(401).setHeader("WWW-Authenticate", "dr-provision").build());
        try (OkHttpDrpClient client = OkHttpDrpClient.connect(endpoint(new DrpCredentials.Token("rocketskates",
                "saved")), new MemoryCertificatePins(), FAST)) {
            DrpAuthException expired = assertThrows(DrpAuthException.class, client::info);
            assertEquals(401, expired.code());
            assertTrue(expired.getMessage().contains("saved sign-in for rocketskates"), expired.getMessage());
            assertEquals(2, server.getRequestCount(), "no retry without a password");
        }
    }

    @Test
    void tokensAreRenewedInTheBackgroundBeforeTheyExpire() throws Exception {
        AtomicInteger issued = new AtomicInteger();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return token("token-" + issued.incrementAndGet());
            }
        });
        try (OkHttpDrpClient client = OkHttpDrpClient.connect(endpoint(new DrpCredentials.Password("rocketskates",
                "secret")), new MemoryCertificatePins(), FAST.withTokenTtl(Duration.ofSeconds(1), 0.3))) {
            assertEquals("token-1", client.currentToken());
            LiveCopy.await("renewed twice", () -> issued.get() >= 3);
            assertNotEquals("token-1", client.currentToken());
        }
    }

    @Test
    void aDrpErrorBodyBecomesATypedError() throws Exception {
        server.enqueue(token("t"));
        server.enqueue(json(500, "{\"Model\":\"machines\",\"Key\":\"m1\",\"Type\":\"STORE_ERROR\",\"Messages\":"
                + "[\"disk full\",\"try later\"],\"Code\":500}"));
        try (OkHttpDrpClient client = connectWithPassword()) {
            DrpApiException error = assertThrows(DrpApiException.class, () -> client.get(DrpType.MACHINES, "m1"));
            assertEquals(500, error.code());
            assertEquals("machines", error.model());
            assertEquals("m1", error.key());
            assertEquals("STORE_ERROR", error.type());
            assertEquals(List.of("disk full", "try later"), error.messages());
            assertEquals("machines/m1: disk full; try later", error.getMessage());
        }
    }

    @Test
    void anHtmlErrorPageStillGivesAClearMessage() throws Exception {
        server.enqueue(token("t"));
        server.enqueue(new MockResponse.Builder().code(502).setHeader("Content-Type", "text/html")
                .body("<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>")
                .build());
        try (OkHttpDrpClient client = connectWithPassword()) {
            DrpApiException error = assertThrows(DrpApiException.class, client::contents);
            assertEquals(502, error.code());
            assertTrue(error.getMessage().contains("GET /api/v3/contents got HTTP 502"), error.getMessage());
            assertTrue(error.getMessage().contains("does not answer like a DRP endpoint"), error.getMessage());
            // The page's title and heading are quoted once, not pasted one after the other.
            assertTrue(error.getMessage().contains("(it says \"502 Bad Gateway\")"), error.getMessage());
        }
    }

    @Test
    void aReplySlowerThanTheReadTimeoutIsReportedAsUnreachable() throws Exception {
        server.enqueue(token("t"));
        server.enqueue(new MockResponse.Builder().headersDelay(5, TimeUnit.SECONDS).body("[]").build());
        try (OkHttpDrpClient client = connectWithPassword()) {
            long start = System.nanoTime();
            DrpUnreachableException slow = assertThrows(DrpUnreachableException.class,
                    () -> client.list(DrpType.CONTEXTS, Filter.ALL));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 2000, "gave up after " + millis + " ms");
            assertTrue(slow.getMessage().contains("did not answer in time"), slow.getMessage());
            assertTrue(slow.fixHint().contains("Is dr-provision running at " + client.url()), slow.fixHint());
        }
    }

    @Test
    void aDroppedEventSocketReconnectsRegistersAgainAndSaysSo() throws Exception {
        LinkedBlockingQueue<String> registrations = new LinkedBlockingQueue<>();
        AtomicInteger sockets = new AtomicInteger();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (!request.getTarget().equals("/api/v3/ws")) {
                    return token("t");
                }
                int number = sockets.incrementAndGet();
                return new MockResponse.Builder().webSocketUpgrade(new WebSocketListener() {
                    @Override
                    public void onMessage(WebSocket socket, String text) {
                        registrations.add(number + " " + text);
                        String filter = text.substring(text.indexOf(' ') + 1);
                        socket.send("{\"Type\":\"websocket\",\"Action\":\"register\",\"Key\":\"" + filter + "\"}");
                        socket.send("{\"Type\":\"machines\",\"Action\":\"update\",\"Key\":\"m" + number + "\","
                                + "\"Object\":{\"Uuid\":\"m" + number + "\"}}");
                        if (number == 1) {
                            socket.close(1001, "going away"); // the connection drops mid-stream
                        }
                    }

                    @Override
                    public void onClosing(WebSocket socket, int code, String reason) {
                        socket.close(1000, null);
                    }
                }).build();
            }
        });
        LinkedBlockingQueue<String> seen = new LinkedBlockingQueue<>();
        try (OkHttpDrpClient client = connectWithPassword()) {
            client.events().addListener(new EventStreamListener() {
                @Override
                public void connected(boolean reconnect) {
                    seen.add("connected " + reconnect);
                }

                @Override
                public void disconnected(String reason) {
                    seen.add("disconnected");
                }
            });
            client.events().subscribe("machines.*.*", event -> seen.add("event " + event.key()));
            assertEquals("1 register machines.*.*", registrations.poll(5, TimeUnit.SECONDS));
            assertEquals("connected false", seen.poll(5, TimeUnit.SECONDS));
            assertEquals("event m1", seen.poll(5, TimeUnit.SECONDS));
            assertEquals("disconnected", seen.poll(5, TimeUnit.SECONDS));
            assertEquals("2 register machines.*.*", registrations.poll(5, TimeUnit.SECONDS));
            assertEquals("connected true", seen.poll(5, TimeUnit.SECONDS));
            assertEquals("event m2", seen.poll(5, TimeUnit.SECONDS));
            assertTrue(client.events().isConnected());
        }
    }

    @Test
    void aServerThatNeverAcknowledgesDoesNotHangTheStream() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return request.getTarget().equals("/api/v3/ws")
                        ? new MockResponse.Builder().webSocketUpgrade(new WebSocketListener() {
                            @Override
                            public void onClosing(WebSocket socket, int code, String reason) {
                                socket.close(1000, null); // it answers the close, but never a registration
                            }
                        }).build()
                        : token("t");
            }
        });
        LinkedBlockingQueue<Boolean> connected = new LinkedBlockingQueue<>();
        try (OkHttpDrpClient client = connectWithPassword()) {
            client.events().addListener(new EventStreamListener() {
                @Override
                public void connected(boolean reconnect) {
                    connected.add(reconnect);
                }

                @Override
                public void disconnected(String reason) {
                    // Not expected here; the assertion on connected covers it.
                }
            });
            EventSubscription subscription = client.events().subscribe("jobs.*.*", event -> { });
            assertEquals(Boolean.FALSE, connected.poll(3, TimeUnit.SECONDS));
            subscription.registered().toCompletableFuture().get(3, TimeUnit.SECONDS);
        }
    }

    private OkHttpDrpClient connectWithPassword() {
        return OkHttpDrpClient.connect(endpoint(new DrpCredentials.Password("rocketskates", "secret")),
                new MemoryCertificatePins(), FAST);
    }
}
