package dev.drpconsole.ui.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.drp.DrpType;
import dev.drpconsole.core.drp.Machine;
import dev.drpconsole.core.engine.EnvironmentMask;
import dev.drpconsole.core.engine.RunnerContainerName;
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
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;
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
        waitUntil("the engine is named", () -> label("#containers-engine").startsWith("Runner engine: Docker "));
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

    @Test
    void anotherEndpointsRunnerIsListedOnlyUnderAllContainersAndMarkedAsSuch() {
        // A runner container of a machine this endpoint does not have: another DRP endpoint on the same engine.
        String foreign = RunnerContainerName.forMachine(UUID.randomUUID());
        runSleeper(foreign, "echo another endpoint's runner");
        Machine runner = sandbox.createRunner("containers-view-ours");
        String ours = "drp-runner-" + runner.uuid();
        // The engine lists every container at once, and the foreign one was made first: any list with ours has it.
        waitUntil(ours + " is listed", () -> row(ours).isPresent());
        assertTrue(row(foreign).isEmpty(), "another endpoint's runner is not listed among this endpoint's runners");

        clickOn("#containers-all");
        waitUntil(foreign + " is listed under All containers", () -> row(foreign).isPresent());
        String machine = row(foreign).orElseThrow().machineProperty().get();
        assertTrue(machine.startsWith(ContainersViewModel.NOT_THIS_ENDPOINTS), "marked as not ours: " + machine);
        assertEquals(runner.name(), row(ours).orElseThrow().machineProperty().get(), "ours keeps its machine's name");
        waitUntil("its row is drawn marked", () -> lookup(".table-row-cell:foreign").tryQuery().isPresent());
    }

    @Test
    void whenTheSelectedContainerGoesTheSelectionIsClearedNotMovedToAnother() {
        Machine gone = sandbox.createRunner("containers-view-goes");
        Machine stays = sandbox.createRunner("containers-view-stays");
        String goneName = "drp-runner-" + gone.uuid();
        String staysName = "drp-runner-" + stays.uuid();
        waitUntil("both runners are listed", () -> row(goneName).isPresent() && row(staysName).isPresent());
        interact(() -> page.reveal(goneName));
        assertEquals(goneName, table().getSelectionModel().getSelectedItem().name());

        sandbox.client().delete(DrpType.MACHINES, gone.uuid()); // DRP removes its runner container
        waitUntil(goneName + " leaves the list", () -> row(goneName).isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(null, table().getSelectionModel().getSelectedItem(), "nothing else is selected in its place");
        assertTrue(lookup("#containers-stop").query().isDisabled(), "Stop is off");
        assertTrue(lookup("#containers-remove").query().isDisabled(), "Remove is off");
        assertTrue(label("#container-log-status").startsWith(goneName + " is "), label("#container-log-status"));
        waitUntil("the other runner is still listed", () -> row(staysName).isPresent());
        assertEquals(null, table().getSelectionModel().getSelectedItem(), "and not selected");
    }

    @Test
    void aLinkToAContainerThatIsNotThereSaysSoAndSelectsNothing() {
        Machine runner = sandbox.createRunner("containers-view-selected");
        String listed = "drp-runner-" + runner.uuid();
        waitUntil(listed + " is listed", () -> row(listed).isPresent());
        interact(() -> page.reveal(listed));
        String missing = RunnerContainerName.forMachine(UUID.randomUUID());
        interact(() -> page.reveal(missing));
        assertEquals(null, table().getSelectionModel().getSelectedItem(), "the earlier selection is not kept");
        waitUntil("the log says the container is not there",
                () -> lookup("#container-log .log-placeholder").queryLabeled().getText()
                        .startsWith(missing + " is not on the container engine"));
    }

    @Test
    void logTimesAreTheEnginesNotWhenTheConsoleReadTheLine() throws Exception {
        String name = "containers-view-times-" + TestLabels.runId();
        runSleeper(name, "echo written at $(date +%s%3N)");
        // Read well after it was written: a time taken on reading would be this much later.
        Thread.sleep(3_000);
        clickOn("#containers-all");
        clickOn("#containers-filter").write(name);
        waitUntil(name + " is listed", () -> row(name).isPresent());
        interact(() -> page.reveal(name));
        clickOn("#log-time-toggle");
        Node log = lookup("#container-log").query();
        waitUntil("its line is shown with a time", () -> !ShownLog.timeOf(log, "written at").isEmpty(),
                () -> ShownLog.text(log));
        String line = ShownLog.text(log).lines().filter(text -> text.startsWith("written at")).findFirst()
                .orElseThrow();
        long written = Long.parseLong(line.substring("written at ".length()).strip());
        LocalTime shown = LocalTime.parse(ShownLog.timeOf(log, "written at"));
        LocalTime writtenAt = LocalTime.ofInstant(Instant.ofEpochMilli(written), ZoneId.systemDefault());
        long apart = Math.abs(Duration.between(writtenAt, shown).toMillis());
        assertTrue(apart < 1_000, "shown " + shown + ", written " + writtenAt + " (" + apart + " ms apart)");
    }

    private void runSleeper(String name, String script) {
        sandbox.engine().containers().run(ContainerSpec.of(TestEnv.get().baseImage()).withName(name)
                .withLabels(TestLabels.forThisRun()).withInitProcess(true)
                .withCommand("bash", "-c", script + "; exec sleep 300"));
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
