package dev.drpconsole.ui.contexts;

import static dev.drpconsole.ui.PageTestSupport.cell;
import static dev.drpconsole.ui.PageTestSupport.waitUntil;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.drp.DrpContext;
import dev.drpconsole.sandbox.ContextsFeature;
import dev.drpconsole.testsupport.SandboxSession;
import dev.drpconsole.ui.PageTestSupport;
import dev.drpconsole.ui.ViewHarness;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * E.20: against an endpoint whose docker-context plugin is v4.8+ (the sandbox as one), the image status says what
 * is true for that plugin: images under files/docker-contexts/, Meta.Imagepull and Meta.Checksum.
 */
@Tag("sandbox")
@Tag("display")
class ContextImagesOnNewerPluginsTest extends FxRobot {
    @TempDir
    static Path dataDir;
    @TempDir
    static Path work;
    static SandboxSession sandbox;
    static DrpClient other;

    private ViewHarness harness;
    private ContextsPage page;

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = SandboxSession.start(dataDir, false, ContextsFeature.PLUGIN_V4_8);
        other = sandbox.connect();
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
    static void stopSandbox() {
        sandbox.close();
    }

    @AfterEach
    void closePage() throws Exception {
        FxToolkit.cleanupStages();
        interact(page::hidden);
        harness.close();
    }

    @Test
    void eachImageStatusIsWhatTheNewerPluginWillDo() throws Exception {
        harness = new ViewHarness(sandbox.engine());
        harness.client.set(sandbox.connect());
        page = PageTestSupport.show(() -> new ContextsPage(harness.services()));

        waitUntil("published where the plugin looks", 10, () -> "Published only".equals(status("published")));
        waitUntil("a tar that fails Meta.Checksum", 5, () -> "Checksum mismatch".equals(status("mismatch")));
        waitUntil("Meta.Imagepull", 5, () -> "Will be pulled from Imagepull".equals(status("pulled")));
        waitUntil("the v4.7 path is not where it looks", 5, () -> "Missing".equals(status("old-place")));
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
