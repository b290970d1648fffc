package dev.drpconsole.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drpconsole.LocalSandboxStarter;
import dev.drpconsole.core.concurrent.TaskRunner;
import dev.drpconsole.core.connection.DrpConnections;
import dev.drpconsole.core.connection.EndpointProfiles;
import dev.drpconsole.core.connection.FileCertificatePins;
import dev.drpconsole.core.connection.FileTokenVault;
import dev.drpconsole.core.connection.OkHttpDrpClientFactory;
import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.drp.DrpContext;
import dev.drpconsole.core.drp.Machine;
import dev.drpconsole.core.engine.DockerEngine;
import dev.drpconsole.core.engine.EngineEndpoint;
import dev.drpconsole.core.settings.Settings;
import dev.drpconsole.core.status.EngineMonitor;
import dev.drpconsole.sandbox.LocalSandbox;
import dev.drpconsole.testsupport.TestEnv;
import dev.drpconsole.ui.PageTestSupport;
import dev.drpconsole.testsupport.SandboxSession;
import dev.drpconsole.ui.ViewHarness;
import dev.drpconsole.ui.containers.ContainersPage;
import dev.drpconsole.ui.contexts.ContextsPage;
import dev.drpconsole.ui.jobs.JobsPage;
import dev.drpconsole.ui.runners.RunnersPage;
import dev.drpconsole.ui.theme.Theme;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TableCell;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole console in a 1024×640 window, headless, with the real pages on the real sandbox and engine: every
 * section fits the window (the status bar stays in it, no page runs off its right edge) and no button, check box
 * or label is cut to "Con…".
 */
@Tag("engine")
@Tag("sandbox")
@Tag("display")
class NarrowWindowTest extends FxRobot {
    private static final double WIDTH = 1024;
    private static final double HEIGHT = 640;

    @TempDir
    static Path work;
    static SandboxSession sandbox;

    @TempDir
    Path settingsDir;
    private ViewHarness harness;
    private ShellViewModel viewModel;

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = SandboxSession.start(work.resolve("sandbox"), false);
        DrpClient client = sandbox.connect();
        client.create(DrpContext.of("runner", DrpContext.DOCKER_CONTEXT, "drpconsole/runner:1", "A runner context"));
        client.create(Machine.runner("context-runner", "runner", "A runner machine"));
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        if (viewModel != null) {
            viewModel.close();
        }
        harness.close();
    }

    @Test
    void everySectionFitsA1024By640WindowWithNothingCut() throws Exception {
        show();
        for (String section : List.of("contexts", "runners", "containers", "jobs")) {
            clickOn("#nav-" + section);
            WaitForAsyncUtils.sleep(1500, java.util.concurrent.TimeUnit.MILLISECONDS); // lists arrive, tables fill
            WaitForAsyncUtils.waitForFxEvents();
            String where = " in " + section;
            Bounds status = onFx(() -> lookup("#status-bar").query().localToScene(
                    lookup("#status-bar").query().getBoundsInLocal()));
            assertTrue(status.getMaxY() <= HEIGHT + 0.5, "the status bar stays in the window" + where + ": " + status);
            Bounds page = onFx(() -> {
                Node shown = ((Parent) lookup("#section-content").query()).getChildrenUnmodifiable().get(0);
                return shown.localToScene(shown.getLayoutBounds());
            });
            assertTrue(page.getMaxX() <= WIDTH + 0.5, "the page stays in the window" + where + ": " + page);
            assertTrue(page.getMaxY() <= status.getMinY() + 0.5, "the page ends above the status bar" + where);
            assertEquals(List.of(), onFx(this::cutTexts), "texts cut" + where);
            assertEquals(List.of(), onFx(this::toolbarOverflow), "toolbar items past the window's edge" + where);
        }
    }

    /** Shown toolbar items that end past the window's right edge (a toolbar lays its items out beyond its width). */
    private List<String> toolbarOverflow() {
        List<String> past = new ArrayList<>();
        for (Node bar : lookup(".live-toolbar").queryAll()) {
            if (PageTestSupport.isShown(bar)) {
                for (Node item : ((Parent) bar).getChildrenUnmodifiable()) {
                    Bounds at = item.localToScene(item.getLayoutBounds());
                    if (item.isVisible() && item.isManaged() && at.getMaxX() > WIDTH + 0.5) {
                        past.add((item.getId() == null ? item.toString() : item.getId()) + " ends at " + at.getMaxX());
                    }
                }
            }
        }
        return past;
    }

    /** Shown buttons, check boxes and labels (not table or list cells) whose text is drawn cut short. */
    private List<String> cutTexts() {
        List<String> cut = new ArrayList<>();
        for (Node node : lookup(".labeled").queryAll()) {
            if (node instanceof Labeled labeled && PageTestSupport.isShown(node) && !inCell(node)
                    && labeled.getText() != null && !labeled.getText().isEmpty()
                    && labeled.getContentDisplay() != ContentDisplay.GRAPHIC_ONLY
                    && labeled.lookup(".text") instanceof Text drawn && !drawn.getText().equals(labeled.getText())) {
                cut.add(labeled.getText() + " → " + drawn.getText());
            }
        }
        return cut;
    }

    private static boolean inCell(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (at instanceof TableCell || at instanceof ListCell
                    || at.getStyleClass().contains("column-header")) {
                return true;
            }
        }
        return false;
    }

    private void show() throws Exception {
        harness = new ViewHarness(sandbox.engine());
        harness.client.set(sandbox.connect());
        Settings settings = Settings.load(settingsDir, Runnable::run);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            LocalSandbox local = new LocalSandbox(settingsDir.resolve("local-sandbox"));
            viewModel = new ShellViewModel(settings, new EngineMonitor(EngineMonitor.Role.BUILD, () -> DockerEngine.open(
                    EngineEndpoint.of(TestEnv.get().dockerHost(), "test"))), new EngineMonitor(EngineMonitor.Role.RUNNERS,
                    () -> DockerEngine.open(EngineEndpoint.of(TestEnv.get().podmanHost(), "test"))),
                    connections(local), new TaskRunner(ForkJoinPool.commonPool(), Platform::runLater));
            Theme.LIGHT.apply();
            Scene scene = new Scene(new ShellView(viewModel, section -> switch (section) {
                case CONTEXTS -> new ContextsPage(harness.services());
                case RUNNERS -> new RunnersPage(harness.services());
                case CONTAINERS -> new ContainersPage(harness.services());
                case JOBS -> new JobsPage(harness.services());
                default -> null;
            }, new MenuButton("Local sandbox")), WIDTH, HEIGHT);
            scene.getStylesheets().add(Theme.CONSOLE_CSS);
            stage.setScene(scene);
            stage.show();
            viewModel.start();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private DrpConnections connections(LocalSandbox local) {
        return new DrpConnections(EndpointProfiles.load(settingsDir, Runnable::run),
                new FileTokenVault(settingsDir.resolve("secrets")), FileCertificatePins.load(settingsDir),
                new OkHttpDrpClientFactory(), new LocalSandboxStarter(local));
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
