package dev.drpconsole.core.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.drpconsole.sandbox.LocalSandbox;
import dev.drpconsole.sandbox.SandboxServer;
import dev.drpconsole.sandbox.auth.AdminPassword;
import dev.drpconsole.testsupport.SandboxAccess;
import dev.drpconsole.testsupport.SandboxEndpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Which endpoint the console connects to at start, against the real sandbox and the console's OkHttp client. */
@Tag("sandbox")
class StartupConnectionTest {
    @RegisterExtension
    static final SandboxEndpoint SANDBOX = new SandboxEndpoint();

    private final SandboxServer sandbox = SANDBOX.server();

    @TempDir
    Path settingsDir;
    @TempDir
    Path home;

    private EndpointProfiles profiles;
    private DrpConnections connections;


    @AfterEach
    void close() {
        connections.close();
    }

    @Test
    void rsVariablesInTheEnvironmentWin() throws Exception {
        open();
        profiles.save(EndpointProfile.create("Lab", List.of("https://lab:8092"), "", true, ProfileSource.USER));
        profiles.markLastUsed(profiles.byName("Lab").orElseThrow().id());
        String url = SandboxAccess.url(sandbox);
        StartupConnection startup = startup(Map.of("RS_ENDPOINT", url, "RS_KEY", AdminPassword.ADMIN_USER + ":"
                + sandbox.adminPassword().password()));

        assertEquals(StartupConnection.Choice.DRPCLI_ENVIRONMENT, startup.choice());
        ConnectResult result = startup.connect().get(10, TimeUnit.SECONDS);
        assertInstanceOf(ConnectResult.CertificateUntrusted.class, result, "a new endpoint's certificate is asked about");
        assertEquals("drpcli settings", result.profile().name());
        assertEquals(List.of(url), profiles.bySource(ProfileSource.DRPCLI).orElseThrow().urls());
    }

    @Test
    void aDrpclircAloneDoesNotConnectButTheLastUsedProfileDoes() throws Exception {
        Files.writeString(home.resolve(".drpclirc"), "RS_ENDPOINT=https://rc:8092\n");
        open();
        EndpointProfile lab = EndpointProfile.create("Lab", List.of(SandboxAccess.url(sandbox)), "", true,
                ProfileSource.USER);
        profiles.save(lab);
        profiles.markLastUsed(lab.id());
        StartupConnection startup = startup(Map.of());

        assertEquals(StartupConnection.Choice.LAST_USED, startup.choice());
        assertInstanceOf(ConnectResult.PasswordNeeded.class, startup.connect().get(10, TimeUnit.SECONDS),
                "no token kept yet");
    }

    @Test
    void withNothingElseTheLocalSandbox() throws Exception {
        open();
        StartupConnection startup = startup(Map.of());
        assertEquals(StartupConnection.Choice.LOCAL_SANDBOX, startup.choice());
        assertInstanceOf(ConnectResult.Connected.class, startup.connect().get(10, TimeUnit.SECONDS));
    }

    private void open() {
        profiles = EndpointProfiles.load(settingsDir, Runnable::run);
        connections = new DrpConnections(profiles, new FileTokenVault(settingsDir.resolve("secrets")),
                FileCertificatePins.load(settingsDir), new OkHttpDrpClientFactory(),
                () -> SandboxAccess.login(sandbox, true));
    }

    private StartupConnection startup(Map<String, String> env) {
        return new StartupConnection(connections, profiles, DrpcliSettings.read(env, home));
    }
}
