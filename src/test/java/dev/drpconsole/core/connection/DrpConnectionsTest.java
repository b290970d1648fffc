package dev.drpconsole.core.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.status.ConnectionState;
import dev.drpconsole.sandbox.LocalSandbox;
import dev.drpconsole.sandbox.SandboxStartException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The active connection, against a client that plays the contract's part (pins, passwords, tokens, outages). */
class DrpConnectionsTest {
    private static final String PASSWORD = "correct-horse-battery";

    @TempDir
    Path settingsDir;

    private final FakeEndpoint endpoint = new FakeEndpoint("alice", PASSWORD);
    private final List<ConnectionState> states = new CopyOnWriteArrayList<>();
    private final List<Optional<DrpClient>> clients = new CopyOnWriteArrayList<>();
    private EndpointProfiles profiles;
    private DrpConnections connections;
    private final EndpointProfile lab = EndpointProfile.create("Lab", List.of("https://lab:8092"), "alice", false,
            ProfileSource.USER);

    @AfterEach
    void close() {
        if (connections != null) {
            connections.close();
        }
    }

    private DrpConnections open(SandboxStarter sandbox) {
        profiles = EndpointProfiles.load(settingsDir, Runnable::run);
        connections = new DrpConnections(profiles, new FileTokenVault(settingsDir.resolve("secrets")),
                FileCertificatePins.load(settingsDir), endpoint, sandbox);
        connections.start(states::add);
        connections.addClientListener(clients::add);
        return connections;
    }

    private DrpConnections open() {
        return open(() -> {
            throw new SandboxStartException("not in this test", null);
        });
    }

    @Test
    void firstUseAsksToTrustTheCertificateThenConnectsAndReportsIt() throws Exception {
        open();
        profiles.save(lab);
        ConnectResult first = await(connections.connect(lab, Optional.of(PASSWORD)));
        ConnectResult.CertificateUntrusted untrusted = assertInstanceOf(ConnectResult.CertificateUntrusted.class,
                first);
        assertTrue(untrusted.certificate().isFirstUse());
        assertEquals("lab:8092", untrusted.certificate().hostPort());
        assertTrue(clients.stream().allMatch(Optional::isEmpty), "nothing published before sign-in");

        connections.trust(untrusted.certificate()).get(5, TimeUnit.SECONDS);
        ConnectResult.Connected connected = assertInstanceOf(ConnectResult.Connected.class,
                await(connections.connect(lab, Optional.of(PASSWORD))));

        assertEquals("https://lab:8092", connected.connection().url());
        assertEquals(ConnectionState.connected("Lab · https://lab:8092", ""), withoutDetail(last()));
        assertTrue(last().detail().contains("v4.8.0-fake"));
        assertEquals(Optional.of(endpoint.lastClient), clients.get(clients.size() - 1));
        assertEquals(lab.id(), profiles.lastUsed().orElseThrow().id());
    }

    @Test
    void laterConnectsUseTheKeptTokenAndThePasswordIsInNoFile() throws Exception {
        open();
        FileCertificatePins.load(settingsDir).pin("lab:8092", FakeEndpoint.FINGERPRINT);
        connections.close();
        open();
        profiles.save(lab);
        assertInstanceOf(ConnectResult.Connected.class, await(connections.connect(lab, Optional.of(PASSWORD))));
        connections.disconnect().get(5, TimeUnit.SECONDS);
        assertTrue(endpoint.lastClient.closed);
        assertEquals(ConnectionState.Kind.NOT_CONFIGURED, last().kind());

        assertInstanceOf(ConnectResult.Connected.class, await(connections.switchTo(lab)), "no password needed");
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
        FileCertificatePins.load(settingsDir).pin("lab:8092", FakeEndpoint.FINGERPRINT);
        connections.close();
        open();
        ConnectResult.Refused refused = assertInstanceOf(ConnectResult.Refused.class,
                await(connections.connect(lab, Optional.of("wrong"))));
        assertTrue(refused.message().startsWith("The user name or password was refused"), refused.message());
        assertEquals(ConnectionState.Kind.UNREACHABLE, last().kind());
    }

    @Test
    void aRevokedTokenIsDroppedAndThePasswordAskedForAgain() throws Exception {
        EndpointProfile insecure = new EndpointProfile(lab.id(), "Lab", lab.urls(), "alice", true,
                ProfileSource.USER);
        open();
        assertInstanceOf(ConnectResult.Connected.class, await(connections.connect(insecure, Optional.of(PASSWORD))));
        assertTrue(last().headline().endsWith(" · insecure"), last().headline());
        connections.disconnect().get(5, TimeUnit.SECONDS);

        endpoint.changePassword("new-password");
        ConnectResult result = await(connections.switchTo(insecure));
        assertInstanceOf(ConnectResult.PasswordNeeded.class, result);
        assertTrue(new FileTokenVault(settingsDir.resolve("secrets")).read(insecure.id()).isEmpty());
    }

    @Test
    void anUnreachableEndpointSaysWhyAndHowToFixAndRetryTriesAgain() throws Exception {
        open();
        endpoint.takeDown("https://lab:8092");
        ConnectResult.Unreachable unreachable = assertInstanceOf(ConnectResult.Unreachable.class,
                await(connections.connect(lab, Optional.of(PASSWORD))));
        assertFalse(unreachable.fixHint().isBlank());
        assertEquals(new ConnectionState(ConnectionState.Kind.UNREACHABLE, "Lab unreachable",
                "No answer from https://lab:8092", unreachable.fixHint()), last());

        int before = states.size();
        connections.retry();
        connections.disconnect().get(5, TimeUnit.SECONDS);
        assertTrue(states.subList(before, states.size()).stream()
                .anyMatch(state -> state.headline().equals("Lab unreachable")), "retry reported again");
    }

    @Test
    void aFailedSwitchKeepsTheWorkingConnection() throws Exception {
        open();
        EndpointProfile other = EndpointProfile.create("Other", List.of("https://other:8092"), "alice", true,
                ProfileSource.USER);
        EndpointProfile insecureLab = new EndpointProfile(lab.id(), "Lab", lab.urls(), "alice", true,
                ProfileSource.USER);
        await(connections.connect(insecureLab, Optional.of(PASSWORD)));
        endpoint.takeDown("https://other:8092");

        assertInstanceOf(ConnectResult.Unreachable.class, await(connections.connect(other, Optional.of(PASSWORD))));
        assertEquals(ConnectionState.Kind.CONNECTED, last().kind());
        assertEquals("Lab", connections.active().orElseThrow().profile().name());
    }

    @Test
    void theLocalSandboxIsPinnedFromWhatTheConsoleKnowsAndSignsInWithItsAdminPassword() throws Exception {
        FakeEndpoint sandboxEndpoint = new FakeEndpoint("rocketskates", "sandbox-admin-pw");
        profiles = EndpointProfiles.load(settingsDir, Runnable::run);
        connections = new DrpConnections(profiles, new FileTokenVault(settingsDir.resolve("secrets")),
                FileCertificatePins.load(settingsDir), sandboxEndpoint,
                () -> new LocalSandbox.Running(java.net.URI.create("https://127.0.0.1:18092"), "rocketskates",
                        "sandbox-admin-pw", settingsDir.resolve("unused"), FakeEndpoint.FINGERPRINT, false));
        ConnectResult.Connected connected = assertInstanceOf(ConnectResult.Connected.class,
                await(connections.connectLocalSandbox()));
        assertEquals(ProfileSource.LOCAL_SANDBOX, connected.profile().source());
        assertEquals(Optional.of(FakeEndpoint.FINGERPRINT),
                FileCertificatePins.load(settingsDir).pinned("127.0.0.1:18092"));
        assertEquals(connected.profile(), profiles.lastUsed().orElseThrow());
        connections.close();
        try (Stream<Path> files = Files.walk(settingsDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(file).contains("sandbox-admin-pw"), file.toString());
            }
        }
    }

    @Test
    void removingTheActiveProfileDisconnectsAndForgetsItsToken() throws Exception {
        EndpointProfile insecure = new EndpointProfile(lab.id(), "Lab", lab.urls(), "alice", true,
                ProfileSource.USER);
        open();
        await(connections.connect(insecure, Optional.of(PASSWORD)));
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
                assertFalse(Files.readString(file).contains(PASSWORD), "password found in " + file);
            }
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
