package dev.drpconsole.core.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drpconsole.core.status.ConnectionState;
import dev.drpconsole.sandbox.SandboxServer;
import dev.drpconsole.sandbox.auth.AdminPassword;
import dev.drpconsole.testsupport.LogCapture;
import dev.drpconsole.testsupport.PrivateKeyring;
import dev.drpconsole.testsupport.SandboxAccess;
import dev.drpconsole.testsupport.SandboxEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's token vault against a real GNOME Keyring (a private session bus and daemon from
 * {@link PrivateKeyring}, never the user's), signing in to the sandbox over HTTPS: the token the endpoint issued is
 * in the keyring under the console's attributes and in no file of the settings dir; a later sign-in uses it;
 * forgetting the profile removes it. With the keyring locked or its bus gone, the token goes to the private file and
 * the connection's status says that the keyring could not be used, and where the token went.
 */
@Tag("sandbox")
class KeyringTokenVaultTest {
    @RegisterExtension
    static final SandboxEndpoint SANDBOX = new SandboxEndpoint();

    private final SandboxServer sandbox = SANDBOX.server();
    private final String password = sandbox.adminPassword().password();
    private final EndpointProfile lab = EndpointProfile.create("Lab", List.of(SandboxAccess.url(sandbox)),
            AdminPassword.ADMIN_USER, true, ProfileSource.USER);

    @TempDir
    Path tmp;

    private Path settingsDir;
    private PrivateKeyring keyring;
    private DrpConnections connections;
    private final List<ConnectionState> states = new CopyOnWriteArrayList<>();
    private LogCapture logs;

    @BeforeEach
    void startKeyring() throws Exception {
        logs = LogCapture.start();
        settingsDir = Files.createDirectories(tmp.resolve("settings"));
        keyring = PrivateKeyring.start(tmp.resolve("session"));
    }

    @AfterEach
    void stop() throws Exception {
        if (connections != null) {
            connections.close();
        }
        keyring.close();
        logs.close();
    }

    @Test
    void theTokenIsInTheKeyringNotInAFileAndSigningOutRemovesIt() throws Exception {
        open(keyring.env());
        assertInstanceOf(ConnectResult.Connected.class, await(connections.connect(lab, Optional.of(password))));
        String token = keptInKeyring().orElseThrow(() -> new AssertionError("no token in the keyring"));
        assertTrue(accepted(token), "the kept token is one the sandbox issued and accepts");
        assertNoFileHolds(token);
        assertTrue(lastState().detail().endsWith("sign-in kept in the system keyring"), lastState().detail());
        assertFalse(logs.text().contains(token), "the token is never logged");

        connections.close();
        open(keyring.env()); // the next start reads it back from the keyring: no password needed
        assertInstanceOf(ConnectResult.Connected.class, await(connections.switchTo(lab)));

        connections.remove(lab).get(10, TimeUnit.SECONDS);
        assertEquals(Optional.empty(), keptInKeyring(), "forgetting the profile signs out of the keyring too");
        assertNoFileHolds(token);
    }

    @Test
    void aLockedKeyringSendsTheTokenToThePrivateFileAndSaysSo() throws Exception {
        keyring.lock();
        open(keyring.env());
        assertInstanceOf(ConnectResult.Connected.class, await(connections.connect(lab, Optional.of(password))));
        assertEquals(Optional.empty(), keptInKeyring());
        assertFileFallbackSaid("Cannot create an item in a locked collection");

        connections.close();
        open(keyring.env()); // still locked: the token is found in the file
        assertInstanceOf(ConnectResult.Connected.class, await(connections.switchTo(lab)));
    }

    @Test
    void aKeyringWithoutItsBusSendsTheTokenToThePrivateFileAndSaysSo() throws Exception {
        keyring.stopBus();
        open(keyring.env());
        assertInstanceOf(ConnectResult.Connected.class, await(connections.connect(lab, Optional.of(password))));
        assertFileFallbackSaid("Could not connect");
    }

    @Test
    void withoutASessionBusTheTokenGoesToThePrivateFileAndSaysSo() throws Exception {
        Map<String, String> noBus = new java.util.HashMap<>(keyring.env());
        noBus.remove("DBUS_SESSION_BUS_ADDRESS");
        open(noBus);
        assertInstanceOf(ConnectResult.Connected.class, await(connections.connect(lab, Optional.of(password))));
        assertFileFallbackSaid("no D-Bus session bus");
    }

    private void assertFileFallbackSaid(String reason) throws Exception {
        Path file = settingsDir.resolve("secrets").resolve(FileTokenVault.FILE_NAME);
        String token = new FileTokenVault(file.getParent()).read(lab.id())
                .orElseThrow(() -> new AssertionError("no token in " + file)).value();
        assertTrue(accepted(token), "the file holds the token the sandbox issued");
        String detail = lastState().detail();
        assertTrue(detail.contains("sign-in kept in a private file, " + file
                + ", because the system keyring could not be used (") && detail.contains(reason), detail);
        assertFalse(detail.contains(token), "the status never shows the token");
        assertTrue(logs.text().contains("The system keyring could not be used (") && logs.text().contains(reason),
                "logged once, with the reason: " + logs.text());
        assertFalse(logs.text().contains(token), "the token is never logged");
    }

    /** Whether the sandbox answers a request made with this token (so it is a real one, not a stale copy). */
    private boolean accepted(String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(SandboxAccess.url(sandbox) + "/api/v3/info"))
                .header("Authorization", "Bearer " + token).build();
        return SandboxAccess.httpClient(sandbox).send(request, HttpResponse.BodyHandlers.discarding())
                .statusCode() == 200;
    }

    private Optional<String> keptInKeyring() throws Exception {
        return keyring.lookup("application", "drp-context-console", "profile", lab.id())
                .map(json -> {
                    try {
                        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).path("token").asText();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    private void assertNoFileHolds(String token) throws IOException {
        try (Stream<Path> all = Files.walk(settingsDir)) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(file, StandardCharsets.UTF_8).contains(token), "the token is in " + file);
            }
        }
    }

    private void open(Map<String, String> env) {
        EndpointProfiles profiles = EndpointProfiles.load(settingsDir, Runnable::run);
        connections = new DrpConnections(profiles, TokenVault.preferred(settingsDir, env),
                FileCertificatePins.load(settingsDir), new OkHttpDrpClientFactory(), () -> {
                    throw new SandboxUnavailableException("not in this test");
                });
        connections.start(states::add);
    }

    private ConnectionState lastState() {
        return states.get(states.size() - 1);
    }

    private static ConnectResult await(CompletableFuture<ConnectResult> result) throws Exception {
        return result.get(30, TimeUnit.SECONDS);
    }
}
