package dev.drpconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What real endpoints do with contexts (real-drp-differences D.15, D.17, E.19, E.20), through the sandbox's API
 * with each behaviour switched on: read-only contexts from a content pack, an endpoint older than 4.2, a machine
 * in a context only for now, and the plugin generation the provider's version tells.
 */
@Tag("sandbox")
class RealContextsBehaviourTest {
    @TempDir
    static Path v47Dir;
    @TempDir
    static Path v3Dir;
    @TempDir
    static Path v48Dir;
    static SandboxServer v47;
    static SandboxServer v3;
    static SandboxServer v48;
    static SandboxApi api;

    @BeforeAll
    static void start() throws Exception {
        v47 = SandboxServer.start(SandboxConfig.inDataDir(v47Dir).withPort(0).withoutRunners());
        v3 = SandboxServer.start(SandboxConfig.inDataDir(v3Dir).withPort(0).withoutRunners()
                .withContexts(ContextsFeature.NONE));
        v48 = SandboxServer.start(SandboxConfig.inDataDir(v48Dir).withPort(0).withoutRunners()
                .withContexts(ContextsFeature.PLUGIN_V4_8));
        api = SandboxApi.forServer(v47);
    }

    @AfterAll
    static void stop() {
        v47.close();
        v3.close();
        v48.close();
    }

    @Test
    void aContextFromAContentPackRefusesChangesAsDrpsStoreDoes() {
        assertEquals(201, api.post("contents", """
                {"meta": {"Name": "runner-pack", "Version": "v1.0"},
                 "sections": {"contexts": {"pack-runner": {"Name": "pack-runner", "Engine": "docker-context",
                                                           "Image": "pack/runner_v1.0.0"}}}}""").status());
        JsonNode context = api.get("contexts/pack-runner").json();
        assertTrue(context.path("ReadOnly").asBoolean());
        assertEquals("runner-pack", context.path("Bundle").asText());

        SandboxApi.Reply put = api.put("contexts/pack-runner", context.toString());
        assertEquals(400, put.status());
        assertEquals("PUT", put.json().path("Type").asText());
        assertEquals("[\"pack-runner\"]", put.json().path("Messages").toString());
        SandboxApi.Reply patch = api.patch("contexts/pack-runner",
                "[{\"op\":\"replace\",\"path\":\"/Image\",\"value\":\"mine:1\"}]");
        assertEquals(400, patch.status());
        assertEquals("PATCH", patch.json().path("Type").asText());
        SandboxApi.Reply delete = api.delete("contexts/pack-runner");
        assertEquals(404, delete.status());
        assertEquals("[\"readonly: pack-runner\"]", delete.json().path("Messages").toString());
        assertEquals("pack/runner_v1.0.0", api.get("contexts/pack-runner").json().path("Image").asText());
    }

    @Test
    void anEndpointOlderThan42HasNoContextsRoute() {
        SandboxApi old = SandboxApi.forServer(v3);
        SandboxApi.Reply list = old.get("contexts");
        assertEquals(404, list.status());
        assertEquals("GET", list.json().path("Type").asText());
        assertEquals("[\"No route\"]", list.json().path("Messages").toString());
        assertEquals(404, old.post("contexts", "{\"Name\":\"x\",\"Engine\":\"docker-context\"}").status());
        JsonNode info = old.get("info").json();
        assertEquals("v3.13.6", info.path("version").asText());
        assertFalse(info.path("features").toString().contains("\"contexts\""));
        assertEquals(404, old.get("plugin_providers/docker-context").status(), "no docker-context plugin either");
    }

    @Test
    void aMachineMayBeInAContextWithoutBeingARunner() {
        api.post("contexts", "{\"Name\":\"visited\",\"Engine\":\"docker-context\",\"Image\":\"a/b:1\"}");
        String uuid = api.post("machines", "{\"Name\":\"visitor\"}").json().path("Uuid").asText();

        // models/machine.go: Context is where tasks run now; a context:<name> task sets it without BaseContext.
        SandboxApi.Reply moved = api.patch("machines/" + uuid,
                "[{\"op\":\"replace\",\"path\":\"/Context\",\"value\":\"visited\"}]");
        assertEquals(200, moved.status(), moved::text);
        JsonNode machine = api.get("machines/" + uuid).json();
        assertEquals("visited", machine.path("Context").asText());
        assertTrue(machine.path("Meta").path("BaseContext").isMissingNode());
    }

    @Test
    void thePluginProviderTellsItsGenerationByItsVersion() {
        assertEquals("v4.7.0-sandbox", api.get("plugin_providers/docker-context").json().path("Version").asText());
        assertEquals("v4.8.0-sandbox", SandboxApi.forServer(v48).get("plugin_providers/docker-context").json()
                .path("Version").asText());
    }
}
