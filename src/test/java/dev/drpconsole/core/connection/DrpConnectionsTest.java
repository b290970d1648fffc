package dev.drpconsole.core.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drpconsole.core.drp.DrpAuthException;
import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.drp.DrpType;
import dev.drpconsole.core.drp.Filter;
import dev.drpconsole.core.status.ConnectionState;
import dev.drpconsole.sandbox.SandboxServer;
import dev.drpconsole.sandbox.auth.AdminPassword;
import dev.drpconsole.testsupport.SandboxAccess;
import dev.drpconsole.testsupport.SandboxEndpoint;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The active connection, for real: the sandbox endpoint in-process over HTTPS and the console's OkHttp client, with
 * the app's pin and token files. Unreachable is a closed local port; a revoked token is the user's changed Secret.
 */
@Tag("sandbox")
class DrpConnectionsTest {
    private static final String USER = AdminPassword.ADMIN_USER;

    @RegisterExtension
    static final SandboxEndpoint SANDBOX = new SandboxEndpoint();

    private final SandboxServer sandbox = SANDBOX.server();
    private final String password = sandbox.adminPassword().password();

    @TempDir
    Path settingsDir;

    private final List<ConnectionState> states = new CopyOnWriteArrayList<>();
    private final List<Optional<DrpClient>> clients = new CopyOnWriteArrayList<>();
    private EndpointProfiles profiles;
    private DrpConnections connections;
    private final EndpointProfile lab = EndpointProfile.create("Lab", List.of(SandboxAccess.url(sandbox)), USER,
            false, ProfileSource.USER);


    @AfterEach
    void close() {
        if (connections != null) {
            connections.close();
        }
    }

    private DrpConnections open(SandboxStarter sandbox) {
        profiles = EndpointProfiles.load(settingsDir, Runnable::run);
        connections = new DrpConnections(profiles, new FileTokenVault(settingsDir.resolve("secrets")),
                FileCertificatePins.load(settingsDir), new OkHttpDrpClientFactory(), sandbox);
        connections.start(states::add);
        connections.addClientListener(clients::add);
        return connections;
    }

    private DrpConnections open() {
        return open(() -> {
            throw new SandboxUnavailableException("not in this test");
        });
    }

    @Test
    void firstUseAsksToTrustTheCertificateThenConnectsAndReportsIt() throws Exception {
        open();
        profiles.save(lab);
        ConnectResult first = await(connections.connect(lab, Optional.of(password)));
        ConnectResult.CertificateUntrusted untrusted = assertInstanceOf(ConnectResult.CertificateUntrusted.class,
                first);
        assertTrue(untrusted.certificate().isFirstUse());
        assertEquals(SandboxAccess.hostPort(sandbox), untrusted.certificate().hostPort());
        assertEquals(sandbox.certificate().sha256Fingerprint(), untrusted.certificate().presentedSha256());
        assertTrue(clients.stream().allMatch(Optional::isEmpty), "nothing published before sign-in");

        ConnectResult.Connected connected = assertInstanceOf(ConnectResult.Connected.class,
                await(connections.trust(untrusted)), "trusting repeats the attempt with the password it had");

        String url = SandboxAccess.url(sandbox);
        assertEquals(url, connected.connection().url());
        assertEquals(ConnectionState.connected("Lab · " + url, ""), withoutDetail(last()));
        assertTrue(last().detail().contains("DRP " + connected.connection().version()), last().detail());
        assertEquals(url, clients.get(clients.size() - 1).orElseThrow().url(), "the signed-in client published");
        assertEquals(lab.id(), profiles.lastUsed().orElseThrow().id());
    }

    @Test
    void laterConnectsUseTheKeptTokenAndThePasswordIsInNoFile() throws Exception {
        open();
        pinSandbox();
        connections.close();
        open();
        profiles.save(lab);
        assertInstanceOf(ConnectResult.Connected.class, await(connections.connect(lab, Optional.of(password))));
        connections.disconnect().get(5, TimeUnit.SECONDS);
        assertEquals(Optional.empty(), clients.get(clients.size() - 1), "the client is withdrawn");
        assertEquals(ConnectionState.Kind.NOT_CONFIGURED, last().kind());
        assertInstanceOf(ConnectResult.Connected.class, await(connections.switchTo(lab)), "no password needed");

        connections.close();
        open(); // the next start reads the kept token
        assertInstanceOf(ConnectResult.Connected.class, await(connections.switchTo(lab)), "nor after a restart");
        connections.close();
        assertPasswordInNoFile();
    }

    @Test
    void withoutPasswordOrTokenThePasswordIsAskedFor() throws Exception {
        open();
        ConnectResult result = await(connections.connect(lab, Optional.empty()));
        assertInstanceOf(ConnectResult.PasswordNeeded.class, result);
        assertEquals(ConnectionState.Kind.NOT_CONFIGURED, last().kind());
    }

    @Test
    void aWrongPasswordIsRefusedInPlainWords() throws Exception {
        open();
        pinSandbox();
        connections.close();
        open();
        ConnectResult.Refused refused = assertInstanceOf(ConnectResult.Refused.class,
                await(connections.connect(lab, Optional.of("wrong"))));
        assertTrue(refused.message().startsWith("The user name or password was refused"), refused.message());
        assertEquals(ConnectionState.Kind.UNREACHABLE, last().kind());
    }

    @Test
    void aRevokedTokenIsDroppedAndThePasswordAskedForAgain() throws Exception {
        EndpointProfile insecure = new EndpointProfile(lab.id(), "Lab", lab.urls(), USER, true,
                ProfileSource.USER);
        open();
        assertInstanceOf(ConnectResult.Connected.class, await(connections.connect(insecure, Optional.of(password))));
        assertTrue(last().headline().endsWith(" · insecure"), last().headline());
        connections.disconnect().get(5, TimeUnit.SECONDS);

        changeSecret(); // as DRP does, this revokes every token of the user
        ConnectResult result = await(connections.switchTo(insecure));
        assertInstanceOf(ConnectResult.PasswordNeeded.class, result);
        assertTrue(new FileTokenVault(settingsDir.resolve("secrets")).read(insecure.id()).isEmpty());
    }

    @Test
    void aSessionWhoseSavedTokenIsRevokedEndsInOneSignInAgainStateAndAsksNothingMore() throws Exception {
        open();
        pinSandbox();
        connections.close();
        open();
        assertInstanceOf(ConnectResult.Connected.class, await(connections.connect(lab, Optional.of(password))));
        connections.disconnect().get(5, TimeUnit.SECONDS);
        assertInstanceOf(ConnectResult.Connected.class, await(connections.switchTo(lab)), "on the kept token");
        DrpClient client = connections.active().orElseThrow().client();

        changeSecret(); // revokes the token mid-session
        assertThrows(DrpAuthException.class, () -> client.list(DrpType.MACHINES, Filter.ALL));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (connections.active().isPresent() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        assertEquals(Optional.empty(), connections.active(), "the session ended");
        assertEquals(Optional.empty(), clients.get(clients.size() - 1), "the pages hear: not connected");
        assertEquals(ConnectionState.Kind.NOT_CONFIGURED, last().kind());
        assertEquals("DRP: sign in again to Lab", last().headline());
        assertTrue(last().fixHint().contains("sign in again with the password"), last().fixHint());
        assertEquals(1, states.stream().filter(state -> state.headline().contains("sign in again")).count());
        assertTrue(new FileTokenVault(settingsDir.resolve("secrets")).read(lab.id()).isEmpty(), "token dropped");
        Map<String, Long> before = sandbox.requestsServed();
        assertThrows(DrpAuthException.class, () -> client.list(DrpType.MACHINES, Filter.ALL));
        assertEquals(before, sandbox.requestsServed(), "a later call reaches nothing");
        assertInstanceOf(ConnectResult.Connected.class, await(connections.connect(lab, Optional.of(password))),
                "signing in again works");
    }

    @Test
    void anUnreachableEndpointSaysWhyAndHowToFixAndRetryTriesAgain() throws Exception {
        open();
        String closed = "https://127.0.0.1:" + closedPort();
        EndpointProfile down = new EndpointProfile(lab.id(), "Lab", List.of(closed), USER, false, ProfileSource.USER);
        ConnectResult.Unreachable unreachable = assertInstanceOf(ConnectResult.Unreachable.class,
                await(connections.connect(down, Optional.of(password))));
        assertFalse(unreachable.fixHint().isBlank());
        assertTrue(unreachable.reason().contains(closed), unreachable.reason());
        assertEquals(new ConnectionState(ConnectionState.Kind.UNREACHABLE, "Lab unreachable",
                unreachable.reason(), unreachable.fixHint()), last());

        int before = states.size();
        connections.retry();
        connections.disconnect().get(5, TimeUnit.SECONDS);
        assertTrue(states.subList(before, states.size()).stream()
                .anyMatch(state -> state.headline().equals("Lab unreachable")), "retry reported again");
    }

    @Test
    void aFailedSwitchKeepsTheWorkingConnection() throws Exception {
        open();
        EndpointProfile other = EndpointProfile.create("Other", List.of("https://127.0.0.1:" + closedPort()), USER,
                true, ProfileSource.USER);
        EndpointProfile insecureLab = new EndpointProfile(lab.id(), "Lab", lab.urls(), USER, true,
                ProfileSource.USER);
        await(connections.connect(insecureLab, Optional.of(password)));

        assertInstanceOf(ConnectResult.Unreachable.class, await(connections.connect(other, Optional.of(password))));
        assertEquals(ConnectionState.Kind.CONNECTED, last().kind());
        assertEquals("Lab", connections.active().orElseThrow().profile().name());
    }

    @Test
    void theLocalSandboxIsPinnedFromWhatTheConsoleKnowsAndSignsInWithItsAdminPassword() throws Exception {
        String fingerprint = sandbox.certificate().sha256Fingerprint();
        profiles = EndpointProfiles.load(settingsDir, Runnable::run);
        connections = new DrpConnections(profiles, new FileTokenVault(settingsDir.resolve("secrets")),
                FileCertificatePins.load(settingsDir), new OkHttpDrpClientFactory(),
                () -> SandboxAccess.login(sandbox, false));
        ConnectResult.Connected connected = assertInstanceOf(ConnectResult.Connected.class,
                await(connections.connectLocalSandbox()));
        assertEquals(ProfileSource.LOCAL_SANDBOX, connected.profile().source());
        assertEquals(Optional.of(fingerprint),
                FileCertificatePins.load(settingsDir).pinned(SandboxAccess.hostPort(sandbox)));
        assertEquals(connected.profile(), profiles.lastUsed().orElseThrow());
        connections.close();
        try (Stream<Path> files = Files.walk(settingsDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(file).contains(password), file.toString());
            }
        }
    }

    @Test
    void removingTheActiveProfileDisconnectsAndForgetsItsToken() throws Exception {
        EndpointProfile insecure = new EndpointProfile(lab.id(), "Lab", lab.urls(), USER, true,
                ProfileSource.USER);
        open();
        await(connections.connect(insecure, Optional.of(password)));
        connections.remove(insecure).get(5, TimeUnit.SECONDS);
        assertEquals(Optional.empty(), clients.get(clients.size() - 1));
        assertTrue(profiles.all().isEmpty());
        assertTrue(new FileTokenVault(settingsDir.resolve("secrets")).read(lab.id()).isEmpty());
    }

    private void assertPasswordInNoFile() throws IOException {
        try (Stream<Path> files = Files.walk(settingsDir)) {
            List<Path> all = files.filter(Files::isRegularFile).toList();
            assertTrue(all.stream().anyMatch(f -> f.endsWith(FileTokenVault.FILE_NAME)), "a token was kept");
            for (Path file : all) {
                assertFalse(Files.readString(file).contains(password), "password found in " + file);
            }
        }
    }

    /** Pins the sandbox's certificate in the app's pin file, as accepting the first-use prompt does. */
    private void pinSandbox() {
        FileCertificatePins.load(settingsDir).pin(SandboxAccess.hostPort(sandbox),
                sandbox.certificate().sha256Fingerprint());
    }

    /** Gives the user a new Secret, through the API. */
    private void changeSecret() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(SandboxAccess.url(sandbox) + "/api/v3/users/" + USER))
                .header("Authorization", SandboxAccess.adminAuthorization(sandbox))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(
                        "[{\"op\":\"replace\",\"path\":\"/Secret\",\"value\":\"" + System.nanoTime() + "\"}]"))
                .build();
        HttpResponse<String> reply = SandboxAccess.httpClient(sandbox).send(request,
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, reply.statusCode(), reply.body());
    }

    /** A local port nothing listens on. */
    private static int closedPort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    private static ConnectResult await(java.util.concurrent.CompletableFuture<ConnectResult> result)
            throws Exception {
        return result.get(10, TimeUnit.SECONDS);
    }

    private ConnectionState last() {
        return states.get(states.size() - 1);
    }

    private static ConnectionState withoutDetail(ConnectionState state) {
        return new ConnectionState(state.kind(), state.headline(), "", state.fixHint());
    }
}
