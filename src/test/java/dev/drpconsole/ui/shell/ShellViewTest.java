package dev.drpconsole.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drpconsole.LocalSandboxStarter;
import dev.drpconsole.core.concurrent.TaskRunner;
import dev.drpconsole.core.connection.DrpConnections;
import dev.drpconsole.core.connection.EndpointProfiles;
import dev.drpconsole.core.connection.FileCertificatePins;
import dev.drpconsole.core.connection.FileTokenVault;
import dev.drpconsole.core.connection.OkHttpDrpClientFactory;
import dev.drpconsole.core.engine.DockerEngine;
import dev.drpconsole.core.engine.EngineEndpoint;
import dev.drpconsole.core.settings.Settings;
import dev.drpconsole.core.status.EngineMonitor;
import dev.drpconsole.core.engine.EngineChoice;
import dev.drpconsole.core.engine.EngineHandle;
import dev.drpconsole.sandbox.LocalSandbox;
import dev.drpconsole.testsupport.TestEnv;
import dev.drpconsole.testsupport.UnixSocketProxy;
import dev.drpconsole.ui.theme.Theme;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The shell as a user meets it, headless: sections by mouse and keyboard, the theme remembered, and the
 * container engine in the status bar, from the real engine, through a socket the test can take away.
 */
@Tag("engine")
@Tag("sandbox")
@Tag("display")
class ShellViewTest extends FxRobot {
    @TempDir
    Path settingsDir;
    @TempDir
    Path socketDir;
    @TempDir
    Path sandboxDir;


    private ShellViewModel viewModel;

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        if (viewModel != null) {
            viewModel.close();
        }
    }

    @Test
    void sectionsAreReachableByClickAndByKeyboard() throws Exception {
        show(engineAt(TestEnv.get().dockerHost()));
        assertEquals("Setup", title(), "first start opens Setup");

        clickOn("#nav-containers");
        assertEquals("Containers", title());
        assertTrue(lookup("#section-containers").tryQuery().isPresent(), "the empty state explains what comes");

        press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        assertEquals("Runner machines", title());

        type(KeyCode.DOWN);
        assertEquals("Containers", title(), "arrow keys move through the sidebar");
        type(KeyCode.DOWN);
        assertEquals("Jobs", title());
    }

    @Test
    void themeSwitchIsRememberedAcrossStarts() throws Exception {
        show(engineAt(TestEnv.get().dockerHost()));
        assertEquals(Theme.LIGHT, viewModel.themeProperty().get());

        clickOn("#theme-toggle");
        assertEquals(Theme.DARK, viewModel.themeProperty().get());
        press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.T).release(KeyCode.T, KeyCode.SHIFT, KeyCode.CONTROL);
        assertEquals(Theme.LIGHT, viewModel.themeProperty().get(), "Ctrl+Shift+T toggles back");
        clickOn("#theme-toggle");
        clickOn("#nav-jobs");

        Settings reread = Settings.load(settingsDir, Runnable::run);
        LocalSandbox sandbox = new LocalSandbox(sandboxDir);
        ShellViewModel nextStart = new ShellViewModel(reread, engineAt(TestEnv.get().dockerHost()),
                noRunnerEngine(), connections(sandbox), TaskRunner.inline());
        assertEquals(Theme.DARK, nextStart.themeProperty().get());
        assertEquals(Section.JOBS, nextStart.sectionProperty().get(), "the last section reopens");
    }

    @Test
    void statusBarShowsTheRealEngineWithItsVersionAndSocket() throws Exception {
        show(engineAt(TestEnv.get().dockerHost()));
        String expected = "Build: Docker " + TestEnv.get().dockerServerVersion();
        waitForText("#engine-status-text", expected);
        assertFalse(lookup("#engine-status-retry").query().isVisible(), "no Retry while connected");
    }

    @Test
    void engineThatStopsAndReturnsIsShownLiveWithReasonAndFix() throws Exception {
        Path realSocket = Path.of(TestEnv.get().dockerHost().getPath());
        Path socket = socketDir.resolve("engine.sock");
        try (UnixSocketProxy engineProxy = new UnixSocketProxy(socket, realSocket)) {
            engineProxy.start();
            show(engineAt(URI.create("unix://" + socket)));
            waitForText("#engine-status-text", "Build: Docker " + TestEnv.get().dockerServerVersion());

            assertFalse(lookup("#engine-banner").query().isVisible(), "no banner while connected");

            engineProxy.stop();
            waitForText("#engine-status-text", "Build engine unreachable");
            assertTrue(lookup("#engine-banner").query().isVisible(), "a banner tells the whole story");
            assertTrue(lookup("#engine-banner-reason").queryAs(Label.class).getText().contains(socket.toString()),
                    "the reason names where the console looked");
            assertFalse(lookup("#engine-banner-fix").queryAs(Label.class).getText().isBlank(), "a fix is offered");
            assertTrue(lookup("#engine-status-retry").query().isVisible(), "Retry is offered");

            engineProxy.start();
            waitForText("#engine-status-text", "Build: Docker " + TestEnv.get().dockerServerVersion());
            assertFalse(lookup("#engine-banner").query().isVisible(), "the banner goes once the engine is back");
        }
    }

    @Test
    void missingEngineSaysWhereItLookedAndRetryChecksAgain() throws Exception {
        Path socket = socketDir.resolve("nothing-here.sock");
        show(engineAt(URI.create("unix://" + socket)));
        waitForText("#engine-status-text", "Build engine unreachable");

        clickOn("#engine-banner-retry");
        waitForText("#engine-status-text", "Build engine unreachable");
        assertTrue(Files.notExists(socket));
    }

    /** The real connection layer, keeping its files in the test's settings directory. */
    private DrpConnections connections(LocalSandbox sandbox) {
        return new DrpConnections(EndpointProfiles.load(settingsDir, Runnable::run),
                new FileTokenVault(settingsDir.resolve("secrets")), FileCertificatePins.load(settingsDir),
                new OkHttpDrpClientFactory(), new LocalSandboxStarter(sandbox));
    }

    private EngineMonitor engineAt(URI host) {
        return new EngineMonitor(EngineMonitor.Role.BUILD, () -> DockerEngine.open(EngineEndpoint.of(host, "test")));
    }

    private static EngineMonitor noRunnerEngine() {
        return EngineMonitor.sharing(EngineHandle.of(EngineChoice.NONE), EngineMonitor.Role.RUNNERS);
    }

    private void show(EngineMonitor monitor) throws Exception {
        Settings settings = Settings.load(settingsDir, Runnable::run);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            LocalSandbox sandbox = new LocalSandbox(sandboxDir);
            viewModel = new ShellViewModel(settings, monitor, noRunnerEngine(), connections(sandbox), new TaskRunner(ForkJoinPool.commonPool(), Platform::runLater));
            viewModel.themeProperty().get().apply();
            viewModel.themeProperty().addListener((obs, old, now) -> now.apply());
            Scene scene = new Scene(new ShellView(viewModel, section -> null, new MenuButton("Local sandbox")),
                    1100, 700);
            scene.getStylesheets().add(Theme.CONSOLE_CSS);
            stage.setScene(scene);
            stage.show();
            viewModel.start();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String title() {
        WaitForAsyncUtils.waitForFxEvents();
        return lookup("#section-title").queryAs(Label.class).getText();
    }

    private void waitForText(String query, String expected) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                    () -> expected.equals(lookup(query).queryAs(Label.class).getText()));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("expected " + query + " to read '" + expected + "' but it reads '"
                    + lookup(query).queryAs(Label.class).getText() + "'", e);
        }
    }
}
