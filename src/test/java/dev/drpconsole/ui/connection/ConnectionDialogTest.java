package dev.drpconsole.ui.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drpconsole.core.concurrent.TaskRunner;
import dev.drpconsole.core.connection.DrpConnections;
import dev.drpconsole.core.connection.DrpcliSettings;
import dev.drpconsole.core.connection.EndpointProfiles;
import dev.drpconsole.core.connection.FileCertificatePins;
import dev.drpconsole.core.connection.FileTokenVault;
import dev.drpconsole.core.connection.OkHttpDrpClientFactory;
import dev.drpconsole.core.connection.SandboxUnavailableException;
import dev.drpconsole.sandbox.SandboxServer;
import dev.drpconsole.testsupport.SandboxAccess;
import dev.drpconsole.testsupport.SandboxEndpoint;
import dev.drpconsole.ui.PageTestSupport;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The connection dialog as a user meets it, headless, against the real sandbox and the console's OkHttp client. */
@Tag("sandbox")
@Tag("display")
class ConnectionDialogTest extends FxRobot {
    @RegisterExtension
    static final SandboxEndpoint SANDBOX = new SandboxEndpoint();
    private final SandboxServer sandbox = SANDBOX.server();

    @TempDir
    Path settingsDir;
    @TempDir
    Path home;

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
    void addressIsCheckedAsTypedAndThePortFilledIn() throws Exception {
        open(Optional.empty());
        clickOn("#connection-url").write("drp.lab");
        assertTrue(text("#connection-url-message").startsWith("Start the address with https://"));
        assertTrue(lookup("#connection-connect").query().isDisabled());

        interact(() -> ((TextField) lookup("#connection-url").query()).clear());
        clickOn("#connection-url").write("https://drp.lab");
        assertEquals("Will connect to https://drp.lab:8092", text("#connection-url-message"));
        assertFalse(lookup("#connection-connect").query().isDisabled());
        assertEquals("rocketskates", ((TextField) lookup("#connection-user").query()).getText(), "default user");
    }

    @Test
    void insecureShowsARedWarning() throws Exception {
        open(Optional.empty());
        assertFalse(lookup("#connection-insecure-warning").query().isVisible());
        clickOn("#connection-insecure");
        assertTrue(lookup("#connection-insecure-warning").query().isVisible());
    }

    @Test
    void anEmptyAddressIsPointedOutOnConnect() throws Exception {
        open(Optional.empty());
        clickOn("#connection-connect");
        assertTrue(text("#connection-url-message").startsWith("Enter the endpoint's address"));
    }

    @Test
    void firstConnectionAsksToTrustTheCertificateThenSignsIn() throws Exception {
        open(Optional.empty());
        String fingerprint = sandbox.certificate().sha256Fingerprint();
        clickOn("#connection-url").write(SandboxAccess.url(sandbox));
        // The generated password is long: set, not typed (typing is covered by the other tests).
        interact(() -> lookup("#connection-password").queryAs(TextField.class).setText(
                sandbox.adminPassword().password()));
        clickOn("#connection-connect");

        waitFor("#trust-fingerprint");
        assertEquals(TrustCertificateDialog.inTwoLines(fingerprint),
                ((javafx.scene.control.TextArea) lookup("#trust-fingerprint").query()).getText());
        assertTrue(text("#trust-title").startsWith("Trust this endpoint"));
        clickOn("#trust-accept");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> connections.active().isPresent());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("#connection-url").tryQuery().isEmpty());
        assertEquals(sandbox.url().getHost(), connections.active().orElseThrow().profile().name(),
                "named after the host");
        assertTrue(Files.readString(settingsDir.resolve("certificate-pins.json")).contains(fingerprint));
    }

    @Test
    void aWrongPasswordIsToldInPlainWords() throws Exception {
        FileCertificatePins.load(settingsDir).pin(SandboxAccess.hostPort(sandbox),
                sandbox.certificate().sha256Fingerprint());
        open(Optional.empty());
        clickOn("#connection-url").write(SandboxAccess.url(sandbox));
        clickOn("#connection-password").write("wrong");
        clickOn("#connection-connect");
        waitForText("#connection-error", "The user name or password was refused");
    }

    @Test
    void anUnreachableEndpointIsToldWithItsAddressAndAFix() throws Exception {
        String gone;
        try (ServerSocket probe = new ServerSocket(0)) {
            gone = "https://127.0.0.1:" + probe.getLocalPort();
        }
        open(Optional.empty());
        clickOn("#connection-url").write(gone);
        clickOn("#connection-password").write("pw");
        clickOn("#connection-connect");
        waitForText("#connection-error", "Nothing answers at " + gone);
        assertTrue(text("#connection-error").contains("Is dr-provision running"), text("#connection-error"));
        assertFalse(text("#connection-error").contains(".."), "one full stop per sentence: " + text("#connection-error"));
    }

    @Test
    void aPlainHttpAddressIsRefusedWithTheReasonUntilTheUserInsistsThenBadged() throws Exception {
        try (MockWebServer plain = new MockWebServer()) {
            plain.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    String path = request.getUrl().encodedPath();
                    String body = path.endsWith("/token") ? "{\"Token\":\"t\",\"Info\":{}}"
                            : path.endsWith("/info") ? "{\"version\":\"v4.8.0\"}" : "{\"Messages\":[\"no\"]}";
                    return new MockResponse.Builder().code(body.startsWith("{\"Messages") ? 404 : 200)
                            .setHeader("Content-Type", "application/json").body(body).build();
                }
            });
            plain.start();
            String url = "http://127.0.0.1:" + plain.getPort();
            open(Optional.empty());
            EndpointSwitcherViewModel switcher = new EndpointSwitcherViewModel(connections, profiles,
                    new TaskRunner(ForkJoinPool.commonPool(), javafx.application.Platform::runLater));
            clickOn("#connection-url").write(url);
            clickOn("#connection-password").write("secret");

            String refusal = text("#connection-url-message");
            assertTrue(refusal.startsWith("http:// is not encrypted: your password"), refusal);
            assertTrue(refusal.contains("DRP serves HTTPS on port 8092"), refusal);
            PageTestSupport.assertShownWhole(lookup("#connection-url-message").queryAs(Label.class));
            assertTrue(lookup("#connection-connect").query().isDisabled(), "Connect is refused");
            clickOn("#connection-connect");
            assertEquals(0, plain.getRequestCount(), "nothing was sent");

            clickOn("#connection-send-unencrypted");
            assertFalse(lookup("#connection-connect").query().isDisabled(), "the user insisted");
            clickOn("#connection-connect");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> connections.active().isPresent());
            assertTrue(connections.active().orElseThrow().unencrypted());
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> switcher.unencryptedProperty().get());
        }
    }

    @Test
    void aLongMessageIsShownWholeAndWrapped() throws Exception {
        open(Optional.empty());
        clickOn("#connection-url").write("http://drp.lab");
        Label message = lookup("#connection-url-message").queryAs(Label.class);
        PageTestSupport.assertShownWhole(message);
        assertTrue(message.getHeight() > 2.5 * message.getFont().getSize(), "wrapped over several lines: "
                + message.getHeight());
    }

    @Test
    void drpcliSettingsAreOfferedAndImported() throws Exception {
        Files.writeString(home.resolve(".drpclirc"), "RS_ENDPOINT=https://rc.lab:8092\nRS_KEY=bob:pw\n");
        open(DrpcliSettings.read(Map.of(), home));
        assertEquals("Found drpcli settings: RS_ENDPOINT=https://rc.lab:8092 (~/.drpclirc), "
                + "RS_KEY=bob:**** (~/.drpclirc)", text("#connection-drpcli-notice"));
        clickOn("#connection-import");
        assertEquals("https://rc.lab:8092", ((TextField) lookup("#connection-url").query()).getText());
        assertEquals("bob", ((TextField) lookup("#connection-user").query()).getText());
        assertEquals("drpcli settings", ((TextField) lookup("#connection-name").query()).getText());
    }

    private void open(Optional<DrpcliSettings> drpcli) throws Exception {
        profiles = EndpointProfiles.load(settingsDir, Runnable::run);
        connections = new DrpConnections(profiles, new FileTokenVault(settingsDir.resolve("secrets")),
                FileCertificatePins.load(settingsDir), new OkHttpDrpClientFactory(), () -> {
                    throw new SandboxUnavailableException("not in this test");
                });
        ConnectionDialogStage.open(connections, profiles, drpcli);
    }

    private String text(String query) {
        WaitForAsyncUtils.waitForFxEvents();
        return ((Label) lookup(query).query()).getText();
    }

    private void waitFor(String query) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup(query).tryQuery().filter(Node::isVisible)
                .isPresent());
    }

    private void waitForText(String query, String start) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(query).startsWith(start));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(query + " reads '" + text(query) + "', expected it to start with '" + start
                    + "'", e);
        }
    }
}
