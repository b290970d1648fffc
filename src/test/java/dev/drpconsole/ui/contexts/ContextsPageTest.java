package dev.drpconsole.ui.contexts;

import static dev.drpconsole.ui.PageTestSupport.cell;
import static dev.drpconsole.ui.PageTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.drp.DrpContext;
import dev.drpconsole.core.drp.DrpType;
import dev.drpconsole.core.drp.Machine;
import dev.drpconsole.ui.PageTestSupport;
import dev.drpconsole.testsupport.SandboxSession;
import dev.drpconsole.ui.ViewHarness;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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

/**
 * The Contexts view against the real sandbox endpoint, through the real client, headless: what a user sees and
 * what ends up in DRP. Every test uses its own context names, so they share one sandbox.
 */
@Tag("sandbox")
@Tag("display")
class ContextsPageTest extends FxRobot {
    @TempDir
    static Path dataDir;
    static SandboxSession sandbox;
    static DrpClient other;

    private ViewHarness harness;
    private ContextsPage page;

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = SandboxSession.start(dataDir, false);
        other = sandbox.connect();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @BeforeEach
    void showPage() throws Exception {
        harness = new ViewHarness(sandbox.engine());
        harness.client.set(sandbox.connect());
        page = PageTestSupport.show(() -> new ContextsPage(harness.services()));
    }

    @AfterEach
    void closePage() throws Exception {
        FxToolkit.cleanupStages();
        interact(page::hidden);
        harness.close();
    }

    @Test
    void aContextCreatedInTheViewIsInDrpAndInTheTable() {
        clickOn("#contexts-new");
        clickOn("#context-name").write("made-in-view");
        clickOn("#context-image").write("digitalrebar/runner:latest");
        assertTrue(lookup("#context-request").queryTextInputControl().getText().contains("\"made-in-view\""),
                "the form shows the JSON it will send");
        clickOn("#context-save");

        waitUntil("the new context is listed", 10, () -> cell(table(), "made-in-view", "contexts-col-image") != null);
        DrpContext stored = other.get(DrpType.CONTEXTS, "made-in-view").orElseThrow();
        assertEquals("digitalrebar/runner:latest", stored.image());
        assertEquals(DrpContext.DOCKER_CONTEXT, stored.engine());
        assertEquals("digitalrebar/runner:latest", cell(table(), "made-in-view", "contexts-col-image"));
    }

    @Test
    void aLongValidationMessageIsShownWholeNotCut() {
        clickOn("#contexts-new");
        clickOn("#context-name").write("long-message");
        clickOn("#context-image").write("Registry.Example.com/Team/My_Runner-Image:with-a-rather-long-tag");
        Label error = lookup("#context-error").queryAs(Label.class);
        assertTrue(error.getText().endsWith("e.g. drp-context/runner:latest."), "the sentence that says what to do: "
                + error.getText());
        PageTestSupport.assertShownWhole(error);
    }

    @Test
    void aContextCreatedByAnotherClientAppearsWithoutRefresh() {
        waitUntil("the first list arrived", 10, () -> lookup("#contexts-table").tryQuery()
                .map(PageTestSupport::isShown).orElse(false) || lookup("#contexts-empty").tryQuery()
                .map(PageTestSupport::isShown).orElse(false));
        other.create(DrpContext.of("from-elsewhere", DrpContext.DOCKER_CONTEXT, "elsewhere/runner:2", "theirs"));

        waitUntil("the other client's context appears", 10,
                () -> "elsewhere/runner:2".equals(cell(table(), "from-elsewhere", "contexts-col-image")));
        waitUntil("its image is checked", 10, () -> cell(table(), "from-elsewhere", "contexts-col-image-status")
                .equals(ImageStatus.MISSING));
    }

    @Test
    void anEditMeetingSomeoneElsesChangeSaysSoAndOverwritesNothing() {
        DrpContext theirs = other.create(DrpContext.of("contested", DrpContext.DOCKER_CONTEXT, "team/runner:1", ""));
        waitUntil("listed", 10, () -> cell(table(), "contested", "contexts-col-name") != null);
        interact(() -> page.reveal("contested"));
        type(KeyCode.ENTER);
        replaceText("#context-image", "team/runner:2");

        other.update(theirs, theirs.withDescription("changed by someone else"));
        clickOn("#context-save");

        waitUntil("the conflict is explained", 10, () -> errorText().contains("Someone else changed context "
                + "contested since you opened it"));
        assertTrue(errorText().contains("changed by someone else"), "it says what they changed: " + errorText());
        assertTrue(errorText().contains("Reload and apply your edit again?"), errorText());
        DrpContext stored = other.get(DrpType.CONTEXTS, "contested").orElseThrow();
        assertEquals("team/runner:1", stored.image(), "nothing of the edit was sent");
        assertEquals("changed by someone else", stored.description(), "their change stands");

        clickOn("#context-reload");
        clickOn("#context-save");
        waitUntil("saved on top of their change", 10,
                () -> "team/runner:2".equals(other.get(DrpType.CONTEXTS, "contested").orElseThrow().image()));
        assertEquals("changed by someone else", other.get(DrpType.CONTEXTS, "contested").orElseThrow()
                .description());
    }

    @Test
    void aContextInUseIsOnlyDeletedWhenTheUserConfirmsKnowingWhichMachinesUseIt() {
        other.create(DrpContext.of("in-use", DrpContext.DOCKER_CONTEXT, "team/runner:1", ""));
        other.create(Machine.runner("uses-in-use", "in-use", ""));
        waitUntil("the machine is counted", 10, () -> "1".equals(cell(table(), "in-use", "contexts-col-machines")));
        interact(() -> page.reveal("in-use"));

        type(KeyCode.DELETE);
        assertTrue(lookup(".dialog-pane .content").queryAs(Label.class).getText().contains("uses-in-use"),
                "the question names the machine");
        clickOn("#contexts-delete-cancel");
        assertTrue(other.get(DrpType.CONTEXTS, "in-use").isPresent(), "cancel keeps it");

        clickOn("#contexts-delete");
        clickOn("#contexts-delete-confirm");
        waitUntil("gone from DRP and the table", 10,
                () -> other.get(DrpType.CONTEXTS, "in-use").isEmpty()
                        && cell(table(), "in-use", "contexts-col-name") == null);
    }

    @Test
    void aContextFromAContentPackIsShownReadOnlyAndCannotBeEditedOrDeleted() throws Exception {
        other.putContent((ObjectNode) new ObjectMapper().readTree("""
                {"meta": {"Name": "team-pack", "Version": "v1.0"},
                 "sections": {"contexts": {"packed": {"Name": "packed", "Engine": "docker-context",
                                                      "Image": "team/runner_v1.0.0"}}}}"""));
        waitUntil("listed", 10, () -> cell(table(), "packed", "contexts-col-name") != null);
        interact(() -> page.reveal("packed"));

        waitUntil("the details say why", 5, () -> lookup("#context-details-changes").queryAs(Label.class).getText()
                .equals("Read-only: from content pack team-pack; change it there."));
        assertTrue(lookup("#contexts-edit").query().isDisabled());
        assertTrue(lookup("#contexts-delete").query().isDisabled());
        clickOn("#contexts-table");
        type(KeyCode.DELETE);
        type(KeyCode.ENTER);
        assertTrue(lookup(".dialog-pane").tryQuery().isEmpty() && lookup("#context-save").tryQuery().isEmpty(),
                "neither key opens a question or a form");
        assertEquals("team/runner_v1.0.0", other.get(DrpType.CONTEXTS, "packed").orElseThrow().image());
    }

    @Test
    void aContextOfAnotherEngineIsListedWithItsEngineAndNoImageCheck() {
        other.create(DrpContext.of("on-vsphere", "vsphere-context", "templates/runner-vm", ""));
        waitUntil("listed", 10, () -> cell(table(), "on-vsphere", "contexts-col-name") != null);

        assertEquals("vsphere-context", cell(table(), "on-vsphere", "contexts-col-engine"));
        waitUntil("no image check that cannot apply", 5, () -> "Checks apply to docker-context only".equals(
                cell(table(), "on-vsphere", "contexts-col-image-status")));
    }

    @Test
    void theFilterNarrowsTheRowsAndCtrlFReachesIt() {
        other.create(DrpContext.of("filter-alpha", DrpContext.DOCKER_CONTEXT, "alpha/img:1", ""));
        other.create(DrpContext.of("filter-beta", DrpContext.DOCKER_CONTEXT, "beta/img:1", ""));
        waitUntil("both listed", 10, () -> cell(table(), "filter-beta", "contexts-col-name") != null
                && cell(table(), "filter-alpha", "contexts-col-name") != null);
        clickOn("#contexts-table");
        press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        write("beta/img");
        waitUntil("only beta is left", 5, () -> table().getItems().size() == 1
                && cell(table(), "filter-beta", "contexts-col-name") != null);
    }

    @Test
    void withoutAnEndpointThePageSaysWhatToDo() {
        interact(() -> harness.client.set(null));
        waitUntil("the not-connected state shows", 5, () -> lookup("#contexts-not-connected").tryQuery()
                .map(node -> node.isVisible() && node.getScene() != null).orElse(false));
        assertTrue(lookup("#contexts-new").query().isDisabled());
        clickOn("#contexts-open-setup");
        assertEquals("setup:", harness.navigations.get(0));
    }

    private void replaceText(String field, String text) {
        clickOn(field);
        press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        write(text);
    }

    private String errorText() {
        return lookup("#context-error").queryAs(Label.class).getText();
    }

    /** The table, or an empty one while the page shows an empty state instead. */
    @SuppressWarnings("unchecked")
    private TableView<ContextRow> table() {
        return lookup("#contexts-table").tryQuery().map(TableView.class::cast).orElseGet(TableView::new);
    }
}
