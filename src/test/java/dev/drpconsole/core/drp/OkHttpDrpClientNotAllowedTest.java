package dev.drpconsole.core.drp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 403 that names a missing claim is "not allowed", not "signed out" (real-drp-differences C.11): scripted with the
 * exact replies of DRP's v3 code (frontend/frontend.go assureAuth), so every request the client makes is counted.
 */
class OkHttpDrpClientNotAllowedTest {
    private static final String REFUSED = "{\"Model\":\"files\",\"Key\":\"a.bin\",\"Type\":\"AUTH\",\"Messages\":"
            + "[\"Cannot access /api/v3/files/a.bin\",\"Requires: files post a.bin\"],\"Code\":403}";

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

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    private OkHttpDrpClient connect(DrpCredentials credentials) {
        return OkHttpDrpClient.connect(new DrpEndpoint(List.of(server.url("/").toString()), credentials, false),
                new MemoryCertificatePins(), DrpClientOptions.DEFAULTS.withTimeouts(Duration.ofSeconds(2),
                        Duration.ofSeconds(2)));
    }

    @Test
    void aRefusedUploadIsSentOnceAndTheSignInStays(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("a.bin"), new byte[64 * 1024]);
        server.enqueue(json(200, "{\"Token\":\"first\",\"Info\":{}}"));
        server.enqueue(json(403, REFUSED));
        server.enqueue(json(200, "{\"version\":\"v4.8.0\"}"));
        try (OkHttpDrpClient client = connect(new DrpCredentials.Password("reader", "secret"))) {
            DrpNotAllowedException refused = assertThrows(DrpNotAllowedException.class,
                    () -> client.uploadFile("a.bin", file, (done, total) -> { }));
            assertEquals(Optional.of("files post a.bin"), refused.requiredClaim());
            assertTrue(refused.getMessage().startsWith("Not allowed: your role lacks files post a.bin (DRP said: "
                    + "Cannot access"), refused.getMessage());
            assertEquals("first", client.currentToken(), "no new sign-in");
        }
        server.takeRequest(); // the sign-in
        assertEquals("POST", server.takeRequest().getMethod());
        RecordedRequest probe = server.takeRequest();
        assertEquals("GET /api/v3/info", probe.getMethod() + " " + probe.getTarget());
        assertEquals("Bearer first", probe.getHeaders().get("Authorization"));
        assertEquals(3, server.getRequestCount(), "one sign-in, the upload once, the token check");
    }

    @Test
    void aSavedTokenRefusedAClaimIsStillSignedIn() {
        server.enqueue(json(200, "{\"version\":\"v4.8.0\"}")); // connecting checks the saved token
        server.enqueue(json(403, REFUSED));
        server.enqueue(json(403, "{\"Type\":\"AUTH\",\"Messages\":[\"Cannot access /api/v3/info\",\"Requires: "
                + "info get \"],\"Code\":403}")); // a role without "info get": the token still proved itself
        try (OkHttpDrpClient client = connect(new DrpCredentials.Token("reader", "saved"))) {
            DrpNotAllowedException refused = assertThrows(DrpNotAllowedException.class,
                    () -> client.deleteFile("a.bin"));
            assertFalse(refused.getMessage().contains("saved sign-in"), refused.getMessage());
        }
    }

    @Test
    void aClaimRefusalWithADeadTokenRenewsAndRetriesOnce() throws Exception {
        server.enqueue(json(200, "{\"Token\":\"first\",\"Info\":{}}"));
        server.enqueue(json(403, REFUSED));
        server.enqueue(json(403, "{\"Type\":\"AUTH\",\"Messages\":[\"Validation failed\"],\"Code\":403}"));
        server.enqueue(json(200, "{\"Token\":\"second\",\"Info\":{}}"));
        server.enqueue(json(403, REFUSED));
        try (OkHttpDrpClient client = connect(new DrpCredentials.Password("reader", "secret"))) {
            DrpApiException refused = assertThrows(DrpApiException.class, () -> client.deleteFile("a.bin"));
            assertInstanceOf(DrpNotAllowedException.class, refused, "a fresh token did not help: not allowed");
            assertEquals("second", client.currentToken());
        }
        assertEquals(5, server.getRequestCount());
    }

    @Test
    void aSavedTokenThatFailsTheCheckMeansTheSignInEnded() {
        server.enqueue(json(200, "{\"version\":\"v4.8.0\"}"));
        server.enqueue(json(403, REFUSED));
        server.enqueue(new MockResponse.Builder().code(401).setHeader("WWW-Authenticate", "dr-provision").build());
        try (OkHttpDrpClient client = connect(new DrpCredentials.Token("reader", "saved"))) {
            DrpAuthException ended = assertThrows(DrpAuthException.class, () -> client.deleteFile("a.bin"));
            assertTrue(ended.getMessage().contains("saved sign-in for reader"), ended.getMessage());
        }
    }
}
