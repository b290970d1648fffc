package dev.drpconsole.ui.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drpconsole.core.connection.DrpConnections;
import dev.drpconsole.core.connection.EndpointProfile;
import dev.drpconsole.core.connection.EndpointProfiles;
import dev.drpconsole.core.connection.FileCertificatePins;
import dev.drpconsole.core.connection.FileTokenVault;
import dev.drpconsole.core.connection.OkHttpDrpClientFactory;
import dev.drpconsole.core.connection.ProfileSource;
import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.engine.DockerEngine;
import dev.drpconsole.core.engine.EngineEndpoint;
import dev.drpconsole.core.engine.EngineHandle;
import dev.drpconsole.sandbox.SandboxServer;
import dev.drpconsole.sandbox.auth.AdminPassword;
import dev.drpconsole.testsupport.SandboxAccess;
import dev.drpconsole.testsupport.SandboxEndpoint;
import dev.drpconsole.testsupport.TestEnv;
import dev.drpconsole.testsupport.TestLabels;
import dev.drpconsole.ui.PageTestSupport;
import dev.drpconsole.ui.common.ViewServices;
import dev.drpconsole.ui.connection.ConnectionDialogs;
import dev.drpconsole.ui.connection.EndpointSwitcherViewModel;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The wizard's endpoint page with the console's real connection layer: the local sandbox is offered among the
 * endpoints, started and picked from there, and once it is the endpoint the page says how to sign in to it from
 * elsewhere (checked by running the real drpcli with what it shows).
 */
@Tag("engine")
@Tag("sandbox")
@Tag("display")
class SetupEndpointPageTest extends FxRobot {
    @RegisterExtension
    static final SandboxEndpoint SANDBOX = new SandboxEndpoint();
    @TempDir
    Path settingsDir;

    private final SandboxServer sandbox = SANDBOX.server();
    private final AtomicInteger starts = new AtomicInteger();
    private final ExecutorService io = Executors.newCachedThreadPool();
    private DrpConnections connections;
    private EngineHandle engine;

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        connections.close();
        engine.close();
        io.shutdownNow();
    }

    @Test
    void theSandboxIsOfferedStartedAndItsSignInShown() throws Exception {
        openWizard();
        String url = SandboxAccess.url(sandbox);
        String password = sandbox.adminPassword().password();
        assertEquals("Not connected yet.", text("#endpoint-url"));
        assertFalse(PageTestSupport.isShown(lookup("#sandbox-login").query()), "no sign-in before it runs");
        assertEquals("Start the local sandbox", lookup("#start-sandbox").queryButton().getText());
        ComboBox<EndpointProfile> endpoints = lookup("#endpoint-profile").queryComboBox();
        assertEquals(ProfileSource.LOCAL_SANDBOX, endpoints.getItems().get(0).source(),
                "the sandbox is listed with the endpoints, like in the sidebar");
        assertTrue(text("#why-greyed").startsWith("Connect to an endpoint first"), text("#why-greyed"));

        clickOn("#start-sandbox");
        waitFor("connected to the sandbox", () -> text("#endpoint-url").startsWith("✓ Connected to " + url));
        // The page hears of the connection (client listener) a moment before the attempt's own result arrives.
        waitFor("the page says so", () -> text("#endpoint-result")
                .equals("Started the local sandbox and connected to it."));
        assertEquals(DrpConnections.SANDBOX_PROFILE_NAME, endpoints.getValue().name(), "it is the one selected");
        assertTrue(PageTestSupport.isShown(lookup("#sandbox-login").query()), "how to sign in is shown");
        assertEquals(url, field("#sandbox-url"));
        assertEquals(AdminPassword.ADMIN_USER, field("#sandbox-user"));
        assertFalse(field("#sandbox-password").contains(password), "the password is hidden until asked for");
        assertFalse(field("#sandbox-drpcli").contains(password));
        assertEquals(sandbox.certificate().sha256Fingerprint(), field("#sandbox-fingerprint"));
        clickOn("#copy-password");
        assertEquals(password, fx(() -> Clipboard.getSystemClipboard().getString()), "Copy gives the real one");
        clickOn("#reveal-password");
        assertEquals(password, field("#sandbox-password"));
        String line = field("#sandbox-drpcli");
        assertEquals("RS_ENDPOINT=" + url + " RS_KEY=rocketskates:" + password + " drpcli info get", line);
        assertTrue(drpcliInfo(line).contains("\"version\""), "the line works with the real drpcli");

        // Again: it runs and is in use, so the page says so instead of signing in again.
        assertEquals("Local sandbox in use", lookup("#start-sandbox").queryButton().getText());
        clickOn("#start-sandbox");
        assertEquals("The local sandbox is running at " + url + " and is the endpoint in use: how to sign in to"
                + " it is below.", text("#endpoint-result"));
        assertEquals(1, starts.get(), "no second sign-in");

        // Running but not the endpoint: the button picks it again.
        connections.disconnect().get(5, TimeUnit.SECONDS);
        waitFor("disconnected", () -> text("#endpoint-url").equals("Not connected yet."));
        assertFalse(PageTestSupport.isShown(lookup("#sandbox-login").query()));
        assertEquals("Use the local sandbox", lookup("#start-sandbox").queryButton().getText());
        clickOn("#start-sandbox");
        waitFor("connected again", () -> text("#endpoint-url").startsWith("✓ Connected to " + url));
        String said = "The local sandbox was already running at " + url + ": connected to it.";
        waitFor("the page says so", () -> text("#endpoint-result").equals(said));
    }

    private void openWizard() throws Exception {
        EndpointProfiles profiles = EndpointProfiles.load(settingsDir, Runnable::run);
        connections = new DrpConnections(profiles, new FileTokenVault(settingsDir.resolve("secrets")),
                FileCertificatePins.load(settingsDir), new OkHttpDrpClientFactory(), () -> {
                    starts.incrementAndGet();
                    return SandboxAccess.login(sandbox, false);
                });
        engine = new EngineHandle(() -> DockerEngine.open(EngineEndpoint.of(TestEnv.get().dockerHost(), "test")));
        FxToolkit.registerPrimaryStage(); // the client listener hands over to the FX thread at once
        SimpleObjectProperty<DrpClient> client = new SimpleObjectProperty<>();
        connections.addClientListener(now -> Platform.runLater(() -> client.set(now.orElse(null))));
        ViewServices services = new ViewServices(client, engine, io, Platform::runLater, (section, key) -> { });
        PageTestSupport.show(() -> {
            EndpointSwitcherViewModel switcher = new EndpointSwitcherViewModel(connections, profiles,
                    services.tasks());
            ConnectionDialogs dialogs = new ConnectionDialogs(connections, profiles, Optional.empty(),
                    services.tasks());
            return new SetupPage(services, new ConsoleEndpointChoices(connections, switcher, dialogs),
                    settingsDir.resolve("wizard"), TestLabels.forThisRun());
        });
    }

    /** Runs what the page shows, as a user would paste it: the variables, then drpcli. */
    private String drpcliInfo(String line) throws Exception {
        String[] words = line.split(" ");
        ProcessBuilder drpcli = new ProcessBuilder(TestEnv.get().drpcli().toString(), "info", "get")
                .redirectErrorStream(true);
        drpcli.environment().keySet().removeIf(key -> key.startsWith("RS_"));
        drpcli.environment().put("RS_ENDPOINT", words[0].substring("RS_ENDPOINT=".length()));
        drpcli.environment().put("RS_KEY", words[1].substring("RS_KEY=".length()));
        drpcli.environment().put("RS_TOKEN_CACHE", settingsDir.resolve("token-cache").toString());
        Process process = drpcli.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), output);
        return output;
    }

    private String text(String query) {
        return lookup(query).queryLabeled().getText();
    }

    private String field(String query) {
        return lookup(query).queryAs(TextField.class).getText();
    }

    private static <T> T fx(java.util.concurrent.Callable<T> work) throws Exception {
        return org.testfx.util.WaitForAsyncUtils.asyncFx(work).get(5, TimeUnit.SECONDS);
    }

    private static void waitFor(String what, java.util.concurrent.Callable<Boolean> condition) {
        PageTestSupport.waitUntil(what, 15, condition);
    }

}
