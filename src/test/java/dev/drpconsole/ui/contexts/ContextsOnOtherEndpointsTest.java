package dev.drpconsole.ui.contexts;

import static dev.drpconsole.ui.PageTestSupport.cell;
import static dev.drpconsole.ui.PageTestSupport.isShown;
import static dev.drpconsole.ui.PageTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.drp.DrpContext;
import dev.drpconsole.sandbox.ContextsFeature;
import dev.drpconsole.testsupport.SandboxSession;
import dev.drpconsole.ui.PageTestSupport;
import dev.drpconsole.ui.ViewHarness;
import dev.drpconsole.ui.common.SectionPage;
import dev.drpconsole.ui.common.ViewServices;
import dev.drpconsole.ui.runners.RunnersPage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The pages that list contexts against endpoints unlike the default sandbox: one older than 4.2 (the sandbox as
 * DRP v3.13.6, whose /api/v3/contexts is 404 "No route": D.17), and one whose docker-context plugin is v4.8+
 * (images under files/docker-contexts/, Meta.Imagepull, Meta.Checksum: E.20).
 */
@Tag("sandbox")
@Tag("display")
class ContextsOnOtherEndpointsTest extends FxRobot {
    @TempDir
    static Path oldDir;
    @TempDir
    static Path newerDir;
    @TempDir
    static Path work;
    static SandboxSession withoutContexts;
    static SandboxSession newerPlugin;

    private ViewHarness harness;
    private SectionPage page;

    @BeforeAll
    static void startSandboxes() throws Exception {
        withoutContexts = SandboxSession.start(oldDir, false, ContextsFeature.NONE);
        newerPlugin = SandboxSession.start(newerDir, false, ContextsFeature.PLUGIN_V4_8);
        DrpClient other = newerPlugin.connect();
        Path tar = Files.writeString(work.resolve("image.tar"), "not really a docker save tar");
        other.uploadFile("docker-contexts/team/published_v1.0.0", tar, (done, total) -> { });
        other.uploadFile("docker-contexts/team/mismatch_v1.0.0", tar, (done, total) -> { });
        other.uploadFile("contexts/docker-context/team/old-place_v1.0.0", tar, (done, total) -> { });
        other.create(context("published", "team/published_v1.0.0", ""));
        other.create(context("mismatch", "team/mismatch_v1.0.0", "\"Checksum\": \"" + "0".repeat(64) + "\""));
        other.create(context("pulled", "team/pulled_v1.0.0", "\"Imagepull\": \"https://get.example/pulled.tar\""));
        other.create(context("old-place", "team/old-place_v1.0.0", ""));
    }

    @AfterAll
    static void stopSandboxes() {
        withoutContexts.close();
        newerPlugin.close();
    }

    @AfterEach
    void closePage() throws Exception {
        FxToolkit.cleanupStages();
        interact(page::hidden);
        harness.close();
    }

    @Test
    void theContextsPageSaysTheEndpointHasNoContextsNotLoadingForEver() throws Exception {
        show(withoutContexts, ContextsPage::new);

        waitUntil("the page says the endpoint has no contexts", 10,
                () -> lookup("#contexts-unsupported").tryQuery().map(PageTestSupport::isShown).orElse(false));
        String text = lookup("#contexts-unsupported .empty-state-text").queryAs(Label.class).getText();
        assertTrue(text.contains("DRP v3.13.6 has no contexts") && text.contains("4.2"), text);
        assertFalse(lookup(".loading-spinner").queryAll().stream().anyMatch(PageTestSupport::isShown), "no spinner");
        assertFalse(lookup("#page-problem").tryQuery().map(Node::isVisible).orElse(false),
                "no raw 'No route' banner");
        assertTrue(lookup("#contexts-new").query().isDisabled(), "no context can be made there");
    }

    @Test
    void theRunnersPageSaysWhyThereAreNoContextsToChoose() throws Exception {
        show(withoutContexts, RunnersPage::new);

        waitUntil("the banner explains", 10, () -> lookup("#page-problem-text").tryQuery()
                .map(node -> isShown(node) && ((Label) node).getText().contains("DRP v3.13.6 has no contexts"))
                .orElse(false));
    }

    @Test
    void eachImageStatusIsWhatTheNewerPluginWillDo() throws Exception {
        show(newerPlugin, ContextsPage::new);

        waitUntil("published where the plugin looks", 10, () -> "Published only".equals(status("published")));
        waitUntil("a tar that fails Meta.Checksum", 5, () -> "Checksum mismatch".equals(status("mismatch")));
        waitUntil("Meta.Imagepull", 5, () -> "Will be pulled from Imagepull".equals(status("pulled")));
        waitUntil("the v4.7 path is not where it looks", 5, () -> "Missing".equals(status("old-place")));
    }

    private void show(SandboxSession sandbox, Function<ViewServices, SectionPage> build) throws Exception {
        harness = new ViewHarness(sandbox.engine());
        harness.client.set(sandbox.connect());
        page = PageTestSupport.show(() -> build.apply(harness.services()));
    }

    private String status(String context) {
        return cell(table(), context, "contexts-col-image-status");
    }

    private static DrpContext context(String name, String image, String meta) throws Exception {
        return new DrpContext((ObjectNode) new ObjectMapper().readTree("{\"Name\": \"" + name + "\", \"Engine\": \""
                + DrpContext.DOCKER_CONTEXT + "\", \"Image\": \"" + image + "\", \"Meta\": {" + meta + "}}"));
    }

    @SuppressWarnings("unchecked")
    private TableView<ContextRow> table() {
        return lookup("#contexts-table").tryQuery().map(TableView.class::cast).orElseGet(TableView::new);
    }
}
