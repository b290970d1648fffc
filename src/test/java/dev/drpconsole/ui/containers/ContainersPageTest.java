package dev.drpconsole.ui.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.drp.Machine;
import dev.drpconsole.core.engine.ContainerSpec;
import dev.drpconsole.core.engine.DockerEngine;
import dev.drpconsole.core.engine.EngineEndpoint;
import dev.drpconsole.core.engine.EngineHandle;
import dev.drpconsole.sandbox.RunnerSandbox;
import dev.drpconsole.testsupport.ShownLog;
import dev.drpconsole.testsupport.TestEnv;
import dev.drpconsole.ui.PageTestSupport;
import dev.drpconsole.testsupport.TestLabels;
import dev.drpconsole.ui.common.ViewServices;
import dev.drpconsole.ui.theme.Theme;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Containers view against the real engine and the real sandbox (its docker-context runners on that engine),
 * headless, as a user sees it: a runner machine created through the DRP client shows up as a running container row
 * with the machine's name, with no refresh; a container's log is shown; stop and remove work from the view.
 */
@Tag("engine")
@Tag("sandbox")
@Tag("display")
class ContainersPageTest extends FxRobot {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    static Path work;
    static RunnerSandbox sandbox;
    static EngineHandle engine;
    static ExecutorService io;

    private ContainersPage page;

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = RunnerSandbox.start(work);
        engine = new EngineHandle(() -> DockerEngine.open(EngineEndpoint.of(TestEnv.get().dockerHost(), "test")));
        io = Executors.newCachedThreadPool();
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(Theme.LIGHT::apply);
    }

    @AfterAll
    static void stopSandbox() {
        io.shutdownNow();
        engine.close();
        sandbox.close();
    }

    @BeforeEach
    void showPage() throws Exception {
        ViewServices services = new ViewServices(new SimpleObjectProperty<DrpClient>(sandbox.client()), engine, io,
                Platform::runLater, (section, key) -> { });
        page = PageTestSupport.show(() -> new ContainersPage(services));
    }

    @AfterEach
    void hidePage() throws Exception {
        FxToolkit.setupFixture(() -> page.hidden());
        FxToolkit.cleanupStages();
    }

    @Test
    void aNewRunnerMachinesContainerAppearsAndTurnsRunningWithoutARefresh() {
        waitUntil("the engine is named", () -> label("#containers-engine").startsWith("Docker "));
        Machine runner = sandbox.createRunner("containers-view-runner");
        String name = "drp-runner-" + runner.uuid();
        waitUntil(name + " is listed as running", () -> row(name).map(row -> row.isRunning()).orElse(false));
        waitUntil("its machine column shows the machine's name",
                () -> row(name).map(row -> row.machineProperty().get()).orElse("").equals(runner.name()));

        interact(() -> page.reveal(name));
        assertEquals(name, table().getSelectionModel().getSelectedItem().name(), "reveal selects it");
    }

    @Test
    void aContainersLogIsShownAndItCanBeStoppedAndRemovedFromTheView() throws Exception {
        String name = "containers-view-test-" + TestLabels.runId();
        sandbox.engine().containers().run(ContainerSpec.of(TestEnv.get().baseImage()).withName(name)
                .withLabels(TestLabels.forThisRun()).withInitProcess(true)
                .withCommand("bash", "-c", "echo hello from the test container; exec sleep 300"));
        assertTrue(row(name).isEmpty(), "only runners are listed at first");
        clickOn("#containers-all");
        press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        assertTrue(lookup("#containers-filter").queryAs(TextField.class).isFocused(), "Ctrl+F focuses the filter");
        write(name);
        waitUntil(name + " is listed", () -> table().getItems().size() == 1 && row(name).isPresent());
        // The row's cells are drawn on a later pulse than the one that lists it.
        waitUntil("its row is drawn", () -> cellNamed(name).tryQuery().isPresent());

        clickOn(cellNamed(name).queryLabeled());
        clickOn("#containers-logs");
        Node log = lookup("#container-log").query();
        waitUntil("its output is shown", () -> ShownLog.text(log).contains("hello from the test container"),
                () -> "shown: " + ShownLog.text(log) + "; " + label("#container-log-status"));

        clickOn("#containers-inspect");
        waitUntil("inspect shows its image", () -> lookup("#container-facts .fact-value").queryAllAs(Label.class)
                .stream().anyMatch(value -> value.getText().equals(TestEnv.get().baseImage())));

        // Its log and inspection come by other ways than the engine event that marks its row running.
        waitUntil(name + " is listed as running", () -> row(name).map(row -> row.isRunning()).orElse(false));
        clickOn("#containers-stop");
        waitUntil(name + " turns exited", () -> row(name).map(row -> row.summary().state()).orElse("")
                .equals("exited"));

        clickOn("#containers-remove");
        clickOn("#containers-confirm-remove");
        waitUntil(name + " disappears", () -> row(name).isEmpty());
        assertFalse(lookup("#page-problem").query().isVisible(), "no problem was reported");
    }

    @Test
    void inspectHidesTheRunnersToken() {
        Machine runner = sandbox.createRunner("containers-view-secret");
        String name = "drp-runner-" + runner.uuid();
        waitUntil(name + " runs", () -> row(name).map(row -> row.isRunning()).orElse(false));
        interact(() -> page.reveal(name));
        clickOn("#containers-inspect");
        waitUntil("the environment is shown", () -> label("#container-env").contains("RS_UUID=" + runner.uuid()));
        assertTrue(label("#container-env").contains("RS_TOKEN=" + EnvironmentMask.HIDDEN), label("#container-env"));
        // The JSON sits in a collapsed pane whose content joins the scene graph a pulse after the environment.
        waitUntil("the JSON is shown", () -> json().contains("RS_UUID=" + runner.uuid()), this::json);
        assertTrue(json().contains("\"RS_TOKEN=" + EnvironmentMask.HIDDEN + "\""), json());
    }

    private String json() {
        return lookup("#container-json").tryQuery().map(node -> ((TextInputControl) node).getText()).orElse("");
    }

    private org.testfx.service.query.NodeQuery cellNamed(String name) {
        return from(lookup("#containers-table")).lookup(LabeledMatchers.hasText(name));
    }

    private TableView<ContainerRow> table() {
        return lookup("#containers-table").queryTableView();
    }

    private Optional<ContainerRow> row(String name) {
        return table().getItems().stream().filter(row -> row.name().equals(name)).findFirst();
    }

    private String label(String id) {
        return lookup(id).tryQuery().map(node -> ((Labeled) node).getText()).orElse("");
    }

    private static void waitUntil(String what, BooleanSupplier condition) {
        waitUntil(what, condition, () -> "");
    }

    private static void waitUntil(String what, BooleanSupplier condition, Supplier<String> seen) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!onFx(condition)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + PATIENCE.toSeconds() + " s: " + what + " " + seen.get());
            }
            WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
        }
    }

    private static boolean onFx(BooleanSupplier condition) {
        try {
            return WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
