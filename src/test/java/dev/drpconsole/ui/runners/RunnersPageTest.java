package dev.drpconsole.ui.runners;

import static dev.drpconsole.ui.PageTestSupport.cell;
import static dev.drpconsole.ui.PageTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.drp.DrpContext;
import dev.drpconsole.core.drp.DrpType;
import dev.drpconsole.core.drp.Filter;
import dev.drpconsole.core.drp.Machine;
import dev.drpconsole.ui.PageTestSupport;
import dev.drpconsole.testsupport.SandboxSession;
import dev.drpconsole.ui.ViewHarness;
import dev.drpconsole.ui.common.Navigator;
import java.nio.file.Path;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The Runner machines view against the real sandbox running real runner containers (the seed's image with the
 * real drpcli) on the real engine: a machine made in the view gets its row, then its container, without refresh.
 */
@Tag("sandbox")
@Tag("display")
class RunnersPageTest extends FxRobot {
    @TempDir
    static Path dataDir;
    @TempDir
    static Path work;
    static SandboxSession sandbox;
    static DrpClient other;

    private ViewHarness harness;
    private RunnersPage page;

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = SandboxSession.start(dataDir, true);
        String image = sandbox.buildRunnerImage(work);
        other = sandbox.connect();
        other.create(DrpContext.of("runner", DrpContext.DOCKER_CONTEXT, image, "the seed's runner context"));
    }

    @AfterAll
    static void stopSandbox() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @BeforeEach
    void showPage() throws Exception {
        harness = new ViewHarness(sandbox.engine());
        harness.client.set(sandbox.connect());
        page = PageTestSupport.show(() -> new RunnersPage(harness.services()));
    }

    @AfterEach
    void closePage() throws Exception {
        FxToolkit.cleanupStages();
        interact(page::hidden);
        harness.close();
    }

    @Test
    void aRunnerMachineMadeInTheViewGetsItsRowAndThenARunningContainer() {
        clickOn("#runners-new");
        clickOn("#runner-name").write("context-runner");
        waitUntil("the context is offered", 10,
                () -> "runner".equals(lookup("#runner-context").queryAs(ComboBox.class).getValue()));
        clickOn("#runner-save");

        waitUntil("its row appears", 10, () -> cell(table(), "context-runner", "runners-col-name") != null);
        Machine stored = other.list(DrpType.MACHINES, Filter.where("Name", "context-runner")).get(0);
        assertEquals("runner", stored.baseContext());
        assertEquals("runner", cell(table(), "context-runner", "runners-col-context"), "DRP set its Context");
        waitUntil("its container runs", 20,
                () -> "running".equals(cell(table(), "context-runner", "runners-col-container")));

        interact(() -> page.reveal(stored.uuid()));
        clickOn("#runner-logs");
        assertEquals(Navigator.CONTAINERS + ":drp-runner-" + stored.uuid(), harness.navigations.get(0));
    }

    @Test
    void aLockedMachineShowsLockedWithItsCommandsOffUntilUnlocked() {
        Machine created = other.create(Machine.runner("locked-runner", "runner", ""));
        other.update(created, created.withLocked(true));
        waitUntil("its row appears", 10, () -> cell(table(), "locked-runner", "runners-col-name") != null);
        interact(() -> page.reveal(created.uuid()));

        waitUntil("the details say it is locked and how to unlock it", 10, () -> lookup("#runner-details-locked")
                .queryLabeled().getText().startsWith("Yes: unlock it to change it"));
        assertTrue(lookup("#runners-change-context").query().isDisabled());
        assertTrue(lookup("#runners-delete").query().isDisabled());
        assertTrue(lookup("#runners-unlock").query().isVisible());
        assertTrue(lookup(".cell-lock").tryQuery().filter(javafx.scene.Node::isVisible).isPresent(),
                "a lock before its name in the table");

        clickOn("#runners-unlock");
        waitUntil("unlocked, its commands are on again", 10, () -> !lookup("#runners-delete").query().isDisabled()
                && !lookup("#runners-unlock").query().isVisible());
        waitUntil("no lock in the table any more", 10, () -> lookup(".cell-lock").tryQuery().isEmpty());
        assertFalse(other.get(DrpType.MACHINES, created.uuid()).orElseThrow().locked());
    }

    @Test
    void aMachineInAContextOnlyForATaskIsNotListedAsARunner() {
        Machine visitor = other.create(new Machine(JsonNodeFactory.instance.objectNode().put("Name", "visitor")));
        other.update(visitor, visitor.withContext("runner")); // what a context:runner task does
        other.create(Machine.runner("homed", "runner", "a runner"));

        waitUntil("the runner is listed", 10, () -> cell(table(), "homed", "runners-col-name") != null);
        assertNull(cell(table(), "visitor", "runners-col-name"), "no BaseContext, no runner");
        assertEquals("runner", other.get(DrpType.MACHINES, visitor.uuid()).orElseThrow().context());
    }

    /** The table, or an empty one while the page shows an empty state instead. */
    @SuppressWarnings("unchecked")
    private TableView<RunnerRow> table() {
        return lookup("#runners-table").tryQuery().map(TableView.class::cast).orElseGet(TableView::new);
    }
}
