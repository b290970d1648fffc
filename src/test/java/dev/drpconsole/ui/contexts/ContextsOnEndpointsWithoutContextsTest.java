package dev.drpconsole.ui.contexts;

import static dev.drpconsole.ui.PageTestSupport.isShown;
import static dev.drpconsole.ui.PageTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drpconsole.sandbox.ContextsFeature;
import dev.drpconsole.testsupport.SandboxSession;
import dev.drpconsole.ui.PageTestSupport;
import dev.drpconsole.ui.ViewHarness;
import dev.drpconsole.ui.runners.RunnersPage;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * D.17: on an endpoint older than 4.2 (the sandbox as DRP v3.13.6, whose /api/v3/contexts is 404 "No route"), the
 * pages that list contexts say what the endpoint lacks and what to do, instead of spinning for ever.
 */
@Tag("sandbox")
@Tag("display")
class ContextsOnEndpointsWithoutContextsTest extends FxRobot {
    @TempDir
    static Path dataDir;
    static SandboxSession sandbox;

    private ViewHarness harness;

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = SandboxSession.start(dataDir, false, ContextsFeature.NONE);
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @AfterEach
    void closePage() throws Exception {
        FxToolkit.cleanupStages();
        harness.close();
    }

    @Test
    void theContextsPageSaysTheEndpointHasNoContextsNotLoadingForEver() throws Exception {
        harness = new ViewHarness(sandbox.engine());
        harness.client.set(sandbox.connect());
        ContextsPage page = PageTestSupport.show(() -> new ContextsPage(harness.services()));

        waitUntil("the page says the endpoint has no contexts", 10,
                () -> lookup("#contexts-unsupported").tryQuery().map(PageTestSupport::isShown).orElse(false));
        String text = lookup("#contexts-unsupported .empty-state-text").queryAs(Label.class).getText();
        assertTrue(text.contains("DRP v3.13.6 has no contexts") && text.contains("4.2"), text);
        assertFalse(lookup(".progress-indicator").queryAllAs(ProgressIndicator.class).stream()
                .anyMatch(PageTestSupport::isShown), "no spinner");
        assertFalse(lookup("#page-problem").tryQuery().map(Node::isVisible).orElse(false),
                "no raw 'No route' banner");
        assertTrue(lookup("#contexts-new").query().isDisabled(), "no context can be made there");
        interact(page::hidden);
    }

    @Test
    void theRunnersPageSaysWhyThereAreNoContextsToChoose() throws Exception {
        harness = new ViewHarness(sandbox.engine());
        harness.client.set(sandbox.connect());
        RunnersPage page = PageTestSupport.show(() -> new RunnersPage(harness.services()));

        waitUntil("the banner explains", 10, () -> lookup("#page-problem-text").tryQuery()
                .map(node -> isShown(node) && ((Label) node).getText().contains("DRP v3.13.6 has no contexts"))
                .orElse(false));
        interact(page::hidden);
    }
}
