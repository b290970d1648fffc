package dev.drpconsole.ui.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.drp.Machine;
import dev.drpconsole.core.engine.ContainerQuery;
import dev.drpconsole.core.engine.DockerEngine;
import dev.drpconsole.core.engine.EngineEndpoint;
import dev.drpconsole.core.engine.EngineHandle;
import dev.drpconsole.sandbox.RunnerSandbox;
import dev.drpconsole.core.setup.DemoContentPack;
import dev.drpconsole.testsupport.ShownLog;
import dev.drpconsole.testsupport.TestEnv;
import dev.drpconsole.ui.PageTestSupport;
import dev.drpconsole.ui.common.Navigator;
import dev.drpconsole.ui.common.ViewServices;
import dev.drpconsole.ui.theme.Theme;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
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
 * The Jobs view against the real sandbox, whose runner container on the real engine runs the demo task with the
 * real drpcli agent, headless, as a user sees it: the job's row appears by itself, its output appears while it
 * runs (coloured where the task printed ANSI colour), and it ends finished; filters and the machine link work.
 */
@Tag("engine")
@Tag("sandbox")
@Tag("display")
class JobsPageTest extends FxRobot {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    static Path work;
    static RunnerSandbox sandbox;
    static EngineHandle engine;
    static ExecutorService io;

    private final List<String> navigations = new CopyOnWriteArrayList<>();
    private JobsPage page;

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

    @AfterEach
    void hidePage() throws Exception {
        FxToolkit.setupFixture(() -> page.hidden());
        FxToolkit.cleanupStages();
    }

    private void show(DrpClient client) throws Exception {
        ViewServices services = new ViewServices(new SimpleObjectProperty<>(client), engine, io, Platform::runLater,
                (section, key) -> navigations.add(section + " " + key));
        page = PageTestSupport.show(() -> new JobsPage(services));
    }

    @Test
    void withoutAnEndpointItSaysHowToConnect() throws Exception {
        show(null);
        assertTrue(lookup("#jobs-not-connected").query().isVisible());
        assertFalse(lookup(".page-split").query().isVisible(), "no empty table under it");
    }

    @Test
    void theDemoJobsOutputAppearsWhileItRunsAndItEndsFinished() throws Exception {
        show(sandbox.client());
        Machine machine = sandbox.runDemoWorkflow("jobs-view-example");
        waitUntil("the demo job is listed", () -> demoJob(machine).isPresent());
        // This machine's job, not an earlier test's row with the same task name.
        String uuid = demoJob(machine).orElseThrow().uuid();
        waitUntil("its row is drawn", () -> jobRow(uuid).tryQuery().isPresent());
        clickOn(jobRow(uuid).queryAs(javafx.scene.control.TableRow.class));

        Node log = lookup("#job-log").query();
        String stateWhenSeen = waitFor("a line the task prints before it sleeps", () -> {
            boolean seen = ShownLog.text(log).contains("context-demo: resting for 6 seconds");
            return seen ? demoJob(machine).orElseThrow().job().state() : null;
        });
        assertEquals("running", stateWhenSeen, "the output was shown while the job was still running");
        assertTrue(ShownLog.styleOf(log, "this line is green").stream().anyMatch(style -> style.matches("ansi-\\d+")),
                "the green line is drawn in colour: " + ShownLog.styleOf(log, "this line is green"));
        assertFalse(ShownLog.text(log).contains("\u001b"), "no raw escape sequences");

        waitUntil("the job ends finished", () -> text("#job-detail-state").equals("finished"));
        waitUntil("its last line is shown", () -> ShownLog.text(log).contains("context-demo: good day!"));
        // The workflow switched the machine back out of the runner context: an ordinary machine again, which
        // Runner machines does not list, and its runner container was removed with the switch.
        String container = "drp-runner-" + machine.uuid();
        waitUntil("the machine is named, with no link to where it is not listed",
                () -> text("#job-detail-machine").equals(machine.name()) && !shown("#job-machine-link")
                        && text("#job-machine-note").contains("Runner machines does not list it"));
        waitUntilGoneFromTheEngine(container);
        // Told live, from the engine's events, with the job still selected.
        waitUntil("the container it ran in is said to be gone", () -> !shown("#job-container-link")
                && text("#job-container-note").startsWith("It ran in " + container + ", which is gone"));
        assertEquals(List.of(), navigations, "no link went anywhere");
    }

    @Test
    void whileAJobRunsItsLinksGoToItsMachineAndTheContainerRunningIt() throws Exception {
        show(sandbox.client());
        Machine runner = sandbox.createRunner("jobs-view-runner");
        Machine machine = sandbox.client().update(runner, runner.withWorkflow(DemoContentPack.WORKFLOW));
        waitUntil("the demo job is listed", () -> demoJob(machine).isPresent());
        String uuid = demoJob(machine).orElseThrow().uuid();
        interact(() -> page.reveal(uuid));
        // The task sleeps 6 s: time enough, while it runs in its container, to follow both links.
        waitUntil("the job runs", () -> text("#job-detail-state").equals("running"));
        waitUntil("the machine is a link", () -> shown("#job-machine-link")
                && text("#job-machine-link").equals(machine.name()));
        clickOn("#job-machine-link");
        waitUntil("the container it runs in is a link", () -> shown("#job-container-link"));
        clickOn("#job-container-link");
        waitUntil("both links went where they say: " + navigations, () -> navigations.equals(List.of(
                Navigator.RUNNERS + " " + machine.uuid(), Navigator.CONTAINERS + " drp-runner-" + machine.uuid())));
    }

    private void waitUntilGoneFromTheEngine(String container) {
        waitUntil(container + " is removed", () -> sandbox.engine().containers().list(ContainerQuery.all())
                .stream().noneMatch(summary -> summary.name().equals(container)));
    }

    private boolean shown(String id) {
        return lookup(id).tryQuery().map(PageTestSupport::isShown).orElse(false);
    }

    @Test
    void filtersNarrowTheTableAndRevealSelectsAJob() throws Exception {
        show(sandbox.client());
        Machine machine = sandbox.runDemoWorkflow("jobs-view-filters");
        waitUntil("the demo job is listed", () -> demoJob(machine).isPresent());
        String uuid = demoJob(machine).orElseThrow().uuid();

        interact(() -> page.reveal(uuid));
        assertEquals(uuid, table().getSelectionModel().getSelectedItem().uuid(), "reveal selects the job");

        ComboBox<String> state = lookup("#jobs-filter-state").queryComboBox();
        interact(() -> state.setValue("failed"));
        assertTrue(table().getItems().stream().noneMatch(row -> row.uuid().equals(uuid)), "not a failed job");
        interact(() -> state.setValue(""));
        clickOn("#jobs-filter").write(uuid.substring(0, 8));
        assertEquals(List.of(uuid), table().getItems().stream().map(JobRow::uuid).toList(), "found by its UUID");
    }

    private TableView<JobRow> table() {
        return lookup("#jobs-table").queryTableView();
    }

    private org.testfx.service.query.NodeQuery jobRow(String uuid) {
        return lookup(".table-row-cell").match((javafx.scene.control.TableRow<JobRow> row) -> row.getItem() != null
                && row.getItem().job().uuid().equals(uuid));
    }

    private Optional<JobRow> demoJob(Machine machine) {
        return table().getItems().stream().filter(row -> row.job().machine().equals(machine.uuid())
                && row.job().task().equals(DemoContentPack.TASK)).findFirst();
    }

    private String text(String id) {
        return lookup(id).tryQuery().map(node -> ((Labeled) node).getText()).orElse("");
    }

    private static void waitUntil(String what, BooleanSupplier condition) {
        waitFor(what, () -> condition.getAsBoolean() ? Boolean.TRUE : null);
    }

    /** Polls on the FX thread until the check gives a value (not null). */
    private static <T> T waitFor(String what, Callable<T> check) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            T value;
            try {
                value = WaitForAsyncUtils.asyncFx(check).get();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + PATIENCE.toSeconds() + " s: " + what);
            }
            WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
        }
    }
}
