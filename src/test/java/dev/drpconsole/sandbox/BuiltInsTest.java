package dev.drpconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drpconsole.testsupport.SandboxEndpoint;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * D.12: what a fresh endpoint has [v3 run; v3 code backend/stack.go BasicContent, backend/dataTracker.go]: the
 * server's own objects, its store layers in /contents, and the community content every install adds.
 */
@Tag("sandbox")
class BuiltInsTest {

    @RegisterExtension
    static final SandboxEndpoint SANDBOX = new SandboxEndpoint();
    static SandboxApi api;

    @BeforeAll
    static void start() {
        api = SandboxApi.forServer(SANDBOX.server());
    }

    @Test
    void theServersOwnObjectsAreThere() {
        JsonNode global = api.get("profiles/global").json();
        assertEquals("global", global.path("Name").asText(), global::toString);
        assertFalse(global.path("ReadOnly").asBoolean(), "global is created in the writable layer");
        for (String path : new String[] {"bootenvs/ignore", "bootenvs/local", "stages/none", "stages/local"}) {
            JsonNode object = api.get(path).json();
            assertTrue(object.path("ReadOnly").asBoolean(), path + " " + object);
            assertEquals("BasicStore", object.path("Bundle").asText(), path);
        }
        assertEquals("local", api.get("stages/local").json().path("BootEnv").asText());
    }

    @Test
    void completeComesFromTheCommunityContentLayer() {
        JsonNode complete = api.get("stages/complete").json();
        assertEquals("drp-community-content", complete.path("Bundle").asText(), complete::toString);
        List<String> layers = new ArrayList<>();
        api.get("contents").json().forEach(layer -> layers.add(layer.path("meta").path("Name").asText()));
        assertEquals(List.of("BackingStore", "BasicStore", "drp-community-content"), layers.stream().sorted()
                .toList());
        JsonNode community = api.get("contents/drp-community-content").json();
        assertTrue(community.path("sections").path("stages").has("complete"), community::toString);
    }

    @Test
    void aPackNeedingTheCommunityContentIsRefusedWithoutIt() {
        String community = api.get("contents/drp-community-content").json().toString();
        String needing = "{\"meta\":{\"Name\":\"needs-complete\",\"Prerequisites\":\"drp-community-content\"},"
                + "\"sections\":{}}";
        try {
            assertEquals(204, api.delete("contents/drp-community-content").status());
            assertEquals(404, api.get("stages/complete").status(), "complete went with its layer");
            SandboxApi.Reply refused = api.post("contents", needing);
            assertEquals(422, refused.status(), refused::toString);
            assertEquals("STORE_ERROR", refused.json().path("Type").asText());
            assertEquals("Layer needs-complete has drp-community-content as a prerequisite, but drp-community-content"
                    + " does not exist!", refused.json().path("Messages").get(0).asText());
        } finally {
            api.post("contents", community);
        }
        assertEquals(201, api.post("contents", needing).status());
        api.delete("contents/needs-complete");
    }

    @Test
    void objectsListsTheServersTypes() {
        String types = api.get("objects").json().toString();
        for (String type : new String[] {"leases", "preferences", "reservations", "roles", "subnets", "tenants",
                "machines", "profiles"}) {
            assertTrue(types.contains("\"" + type + "\""), type + " in " + types);
        }
        assertEquals(200, api.get("subnets").status());
        assertEquals("[]", api.get("leases").json().toString());
    }
}
