package dev.drpconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drpconsole.testsupport.SandboxEndpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A locked machine refuses a user's changes with 403, Type the method, Messages ["Locked"]; a change that unlocks
 * it always passes, and so does locking (DRP v3.13.6 backend/requestTracker.go {@code Locked}).
 */
@Tag("sandbox")
class LockedMachinesTest {

    @RegisterExtension
    static final SandboxEndpoint SANDBOX = new SandboxEndpoint();
    static SandboxApi api;

    @BeforeAll
    static void start() {
        api = SandboxApi.forServer(SANDBOX.server());
    }

    private static String lockedMachine(String name) {
        String uuid = api.post("machines", "{\"Name\":\"" + name + "\"}").json().path("Uuid").asText();
        SandboxApi.Reply locked = api.patch("machines/" + uuid,
                "[{\"op\":\"replace\",\"path\":\"/Locked\",\"value\":true}]");
        assertEquals(200, locked.status(), "locking is a change like any other: " + locked);
        return uuid;
    }

    private static void assertRefused(SandboxApi.Reply reply, String method, String uuid) {
        assertEquals(403, reply.status(), reply::toString);
        JsonNode error = reply.json();
        assertEquals(method, error.path("Type").asText());
        assertEquals("machines", error.path("Model").asText());
        assertEquals(uuid, error.path("Key").asText());
        assertEquals("[\"Locked\"]", error.path("Messages").toString());
    }

    @Test
    void aLockedMachineRefusesPatchPutParamsAndDelete() {
        String uuid = lockedMachine("locked-one");
        assertRefused(api.patch("machines/" + uuid,
                "[{\"op\":\"replace\",\"path\":\"/Description\",\"value\":\"changed\"}]"), "PATCH", uuid);
        JsonNode whole = api.get("machines/" + uuid).json();
        ((com.fasterxml.jackson.databind.node.ObjectNode) whole).put("Description", "changed");
        assertRefused(api.put("machines/" + uuid, whole.toString()), "PUT", uuid);
        assertEquals(403, api.post("machines/" + uuid + "/params/some-param", "\"x\"").status());
        assertRefused(api.delete("machines/" + uuid), "DELETE", uuid);
        assertEquals("", api.get("machines/" + uuid).json().path("Description").asText(), "nothing changed");
    }

    @Test
    void unlockingPassesEvenWithOtherChangesAndThenChangesPass() {
        String uuid = lockedMachine("locked-two");
        JsonNode unlocked = api.patch("machines/" + uuid, "[{\"op\":\"replace\",\"path\":\"/Locked\",\"value\":false},"
                + "{\"op\":\"replace\",\"path\":\"/Description\",\"value\":\"unlocked\"}]").json();
        assertFalse(unlocked.path("Locked").asBoolean());
        assertEquals("unlocked", unlocked.path("Description").asText());
        assertEquals(200, api.delete("machines/" + uuid).status());
    }
}
