package dev.drpconsole.ui.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drpconsole.core.connection.ConnectResult;
import dev.drpconsole.core.connection.DrpConnections;
import dev.drpconsole.core.connection.DrpcliSettings;
import dev.drpconsole.core.connection.StartupConnection;
import dev.drpconsole.sandbox.auth.AdminPassword;
import java.util.Map;
import dev.drpconsole.core.connection.EndpointProfile;
import dev.drpconsole.core.connection.EndpointProfiles;
import dev.drpconsole.core.connection.FileCertificatePins;
import dev.drpconsole.core.connection.FileTokenVault;
import dev.drpconsole.core.connection.OkHttpDrpClientFactory;
import dev.drpconsole.sandbox.SandboxServer;
import dev.drpconsole.core.connection.SandboxUnavailableException;
import dev.drpconsole.testsupport.SandboxEndpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole way, for real: the sandbox endpoint in-process over HTTPS, the OkHttp client, the app's pins and token
 * files, and the dialog as a user drives it.
 */
@Tag("sandbox")
@Tag("display")
class ConnectionEndToEndTest extends FxRobot {
    @TempDir
    Path settingsDir;
    @RegisterExtension
    static final SandboxEndpoint SANDBOX = new SandboxEndpoint();

    private final SandboxServer sandbox = SANDBOX.server();
    private DrpConnections connections;
    private EndpointProfiles profiles;

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        if (connections != null) {
            connections.close();
        }
    }

    @Test
    void firstConnectionTrustsTheSandboxCertificateAndLaterOnesNeedNoPassword() throws Exception {
        String password = sandbox.adminPassword().password();
        openDialog();
        clickOn("#connection-url").write(sandbox.url().toString());
        interact(() -> lookup("#connection-name").queryAs(TextField.class).setText("Sandbox here"));
        clickOn("#connection-password").write(password);
        clickOn("#connection-connect");

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> lookup("#trust-fingerprint").tryQuery().isPresent());
        assertEquals(TrustCertificateDialog.inTwoLines(sandbox.certificate().sha256Fingerprint()),
                lookup("#trust-fingerprint").queryAs(TextArea.class).getText());
        clickOn("#trust-accept");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> connections.active().isPresent());
        assertEquals(sandbox.url().toString(), connections.active().orElseThrow().url().replaceAll("/$", ""));

        // A restart: new services over the same settings directory, and no password at hand.
        connections.close();
        connections = services();
        EndpointProfile remembered = profiles.lastUsed().orElseThrow();
        assertEquals("Sandbox here", remembered.name());
        assertInstanceOf(ConnectResult.Connected.class,
                connections.switchTo(remembered).get(20, TimeUnit.SECONDS), "the kept token signs in");
        connections.close();

        try (Stream<Path> files = Files.walk(settingsDir)) {
            List<Path> all = files.filter(Files::isRegularFile).toList();
            assertTrue(all.stream().anyMatch(f -> f.endsWith("tokens.json")), "a token was kept: " + all);
            for (Path file : all) {
                assertFalse(Files.readString(file).contains(password), "the password is in " + file);
            }
        }
    }

    @Test
    void aWrongPasswordIsToldInPlainWords() throws Exception {
        FileCertificatePins.load(settingsDir).pin("127.0.0.1:" + sandbox.port(),
                sandbox.certificate().sha256Fingerprint());
        openDialog();
        clickOn("#connection-url").write(sandbox.url().toString());
        clickOn("#connection-password").write("not-the-password");
        clickOn("#connection-connect");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> lookup("#connection-error").queryAs(Label.class)
                .getText().startsWith("The user name or password was refused"));
        assertTrue(connections.active().isEmpty());
    }

    /**
     * Started with RS_ENDPOINT and RS_KEY for an endpoint never seen: the user looks at the certificate, trusts it,
     * and is connected with the key drpcli's settings gave; no password is asked for.
     */
    @Test
    void startedWithRsKeyTrustingTheCertificateConnectsWithoutAskingForThePassword() throws Exception {
        connections = services();
        Map<String, String> env = Map.of("RS_ENDPOINT", sandbox.url().toString(),
                "RS_KEY", AdminPassword.ADMIN_USER + ":" + sandbox.adminPassword().password());
        Optional<DrpcliSettings> drpcli = DrpcliSettings.read(env, settingsDir);
        ConnectResult atStart = new StartupConnection(connections, profiles, drpcli).connect()
                .get(20, TimeUnit.SECONDS);
        assertInstanceOf(ConnectResult.CertificateUntrusted.class, atStart);
        ConnectionDialogStage.resolve(connections, profiles, drpcli, atStart);

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> lookup("#trust-accept").tryQuery().isPresent());
        clickOn("#trust-accept");

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> connections.active().isPresent());
        assertEquals("drpcli settings", connections.active().orElseThrow().profile().name());
        assertEquals("", lookup("#connection-error").tryQuery().map(l -> ((Label) l).getText()).orElse(""),
                "nothing is asked of the user");
    }

    private DrpConnections services() {
        profiles = EndpointProfiles.load(settingsDir, Runnable::run);
        return new DrpConnections(profiles,
                new FileTokenVault(settingsDir.resolve("secrets")), FileCertificatePins.load(settingsDir),
                new OkHttpDrpClientFactory(), () -> {
                    throw new SandboxUnavailableException("this test runs its own sandbox");
                });
    }

    private void openDialog() throws Exception {
        connections = services();
        ConnectionDialogStage.open(connections, profiles, Optional.empty());
    }
}
