package dev.drpconsole.ui.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drpconsole.core.concurrent.TaskRunner;
import dev.drpconsole.core.connection.DrpConnections;
import dev.drpconsole.core.connection.EndpointProfile;
import dev.drpconsole.core.connection.EndpointProfiles;
import dev.drpconsole.core.connection.FileCertificatePins;
import dev.drpconsole.core.connection.FileTokenVault;
import dev.drpconsole.core.connection.OkHttpDrpClientFactory;
import dev.drpconsole.core.connection.ProfileSource;
import dev.drpconsole.sandbox.SandboxServer;
import dev.drpconsole.testsupport.SandboxAccess;
import dev.drpconsole.testsupport.SandboxEndpoint;
import dev.drpconsole.ui.theme.Theme;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The endpoint switcher under the brand, against the real sandbox and the console's OkHttp client. */
@Tag("sandbox")
@Tag("display")
class EndpointSwitcherTest extends FxRobot {
    @TempDir
    Path settingsDir;
    @RegisterExtension
    static final SandboxEndpoint SANDBOX = new SandboxEndpoint();

    private final SandboxServer sandbox = SANDBOX.server();

    private DrpConnections connections;

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        connections.close();
    }

    @Test
    void listsProfilesMarksTheActiveOneAndBadgesAnInsecureConnection() throws Exception {
        EndpointProfiles profiles = EndpointProfiles.load(settingsDir, Runnable::run);
        connections = new DrpConnections(profiles, new FileTokenVault(settingsDir.resolve("secrets")),
                FileCertificatePins.load(settingsDir), new OkHttpDrpClientFactory(),
                () -> SandboxAccess.login(sandbox, false));
        EndpointProfile lab = EndpointProfile.create("Lab", List.of(SandboxAccess.url(sandbox)), "", true,
                ProfileSource.USER);
        connections.connect(lab, Optional.of(sandbox.adminPassword().password())).get(10, TimeUnit.SECONDS);
        FxToolkit.registerPrimaryStage(); // the view model hands updates to the FX thread at once
        EndpointSwitcherViewModel viewModel = new EndpointSwitcherViewModel(connections, profiles,
                new TaskRunner(ForkJoinPool.commonPool(), Platform::runLater));
        FxToolkit.setupStage(stage -> {
            Theme.LIGHT.apply();
            Scene scene = new Scene(new StackPane(new EndpointSwitcher(viewModel,
                    new ConnectionDialogs(connections, profiles, Optional.empty(), new TaskRunner(ForkJoinPool.commonPool(), Platform::runLater)))), 400, 300);
            scene.getStylesheets().add(Theme.CONSOLE_CSS);
            stage.setScene(scene);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(lookup("#insecure-badge").query().isVisible());

        clickOn("#endpoint-switcher");
        MenuButton switcher = lookup("#endpoint-switcher").queryAs(MenuButton.class);
        MenuItem labItem = switcher.getItems().stream().filter(i -> ("endpoint-" + lab.id()).equals(i.getId()))
                .findFirst().orElseThrow();
        assertEquals("✓", ((Label) labItem.getGraphic()).getText());
        assertFalse(switcher.getItems().stream().filter(i -> "endpoint-edit".equals(i.getId())).findFirst()
                .orElseThrow().isDisable(), "the active profile can be edited");

        clickOn("Local sandbox");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> connections.active()
                .filter(active -> active.profile().source() == ProfileSource.LOCAL_SANDBOX).isPresent());
        // The switcher hears of it a little later, from the connection thread through the FX thread.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "Local sandbox".equals(
                lookup("#endpoint-switcher-name").queryAs(Label.class).getText()));
        assertFalse(lookup("#insecure-badge").query().isVisible(), "the sandbox's certificate is pinned");
        assertEquals("Local sandbox", lookup("#endpoint-switcher-name").queryAs(Label.class).getText());
    }
}
