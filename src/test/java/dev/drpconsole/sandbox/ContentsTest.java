package dev.drpconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drpconsole.core.setup.DemoContentPack;
import dev.drpconsole.testsupport.SandboxEndpoint;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** §3.11 content packs: the demo pack bundled and uploaded by the real drpcli, and the layer rules. */
@Tag("engine")
@Tag("sandbox")
class ContentsTest {

    @RegisterExtension
    static final SandboxEndpoint SANDBOX = new SandboxEndpoint();
    @TempDir
    static Path work;
    static SandboxApi api;
    static Drpcli drpcli;
    static Path bundle;

    @BeforeAll
    static void start() throws Exception {
        api = SandboxApi.forServer(SANDBOX.server());
        drpcli = new Drpcli(SANDBOX.server(), work.resolve("tokens"));
        bundle = bundleDemoPack(drpcli, work);
    }

    /** Extracts the demo pack's source tree and bundles it with the real drpcli, as a user would. */
    static Path bundleDemoPack(Drpcli drpcli, Path work) throws Exception {
        Path source = work.resolve("context-demo-src");
        DemoContentPack.extractTo(source);
        Path bundled = work.resolve("context-demo-1.0.yaml");
        drpcli.runIn(source, "contents", "bundle", bundled.toString()).ok();
        return bundled;
    }

    @Test
    void theDemoPackInstallsAsAReadOnlyLayerAndCanBeReplacedAndRemoved() {
        Drpcli.Result created = drpcli.run("contents", "create", bundle.toString()).ok();
        assertTrue(created.out().contains("\"Name\": \"context-demo\""), created::toString);
        assertTrue(created.out().contains("\"workflows\": 1"), created::toString);

        JsonNode stage = api.get("stages/context-demo-stage").json();
        assertEquals("[\"context:runner\",\"context-demo-example\",\"context:\"]", stage.path("Tasks").toString());
        assertTrue(stage.path("ReadOnly").asBoolean());
        assertEquals("context-demo", stage.path("Bundle").asText());
        assertTrue(api.get("templates/context-demo-example.sh.tmpl").json().path("Contents").asText()
                .contains("this line is green"));
        assertEquals(400, api.patch("tasks/context-demo-example",
                "[{\"op\":\"replace\",\"path\":\"/Description\",\"value\":\"mine\"}]").status(),
                "objects of a content layer are read-only");

        Drpcli.Result again = drpcli.run("contents", "create", bundle.toString());
        assertTrue(again.exitCode() != 0 && again.err().contains("Content context-demo already exists"),
                again::toString);
        drpcli.run("contents", "upload", bundle.toString()).ok();
        assertTrue(drpcli.run("contents", "list").ok().out().contains("context-demo"));
        assertTrue(drpcli.run("contents", "show", "context-demo").ok().out().contains("context-demo-stage"));

        drpcli.run("contents", "destroy", "context-demo").ok();
        assertEquals(404, api.get("workflows/context-demo").status());
        assertEquals(404, api.get("contents/context-demo").status());
    }

    @Test
    void packsMayNotSilentlyTakeOverObjectsClientsMade() {
        api.post("params", "{\"Name\":\"layered/param\"}");
        String pack = "{\"meta\":{\"Name\":\"clashing\"},\"sections\":{\"params\":{\"layered/param\":{}}}}";
        SandboxApi.Reply clash = api.post("contents", pack);
        assertEquals(422, clash.status());
        assertEquals("params:layered/param in layer dynamic-clashing would override layer writable-BackingStore",
                clash.json().path("Messages").get(0).asText());
        assertEquals(201, api.post("contents?replaceWritable=true", pack).status());
        SandboxApi.Reply duplicate = api.post("contents", pack);
        assertEquals(409, duplicate.status());
        assertEquals("Content clashing already exists", duplicate.json().path("Messages").get(0).asText());
        assertEquals(422, api.post("contents", "{\"meta\":{},\"sections\":{}}").status());
        assertEquals(404, api.put("contents/nothing", "{\"meta\":{\"Name\":\"nothing\"},\"sections\":{}}").status());
        assertEquals(204, api.delete("contents/clashing").status());
        assertEquals(404, api.delete("contents/clashing").status());
    }
}
