package dev.drpconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drpconsole.testsupport.SandboxEndpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * D.13: a real endpoint decodes every body into its Go model (DRP v4.7.0 models/*.go) with encoding/json, which
 * drops fields the model lacks and matches keys case-insensitively. A write of a made-up or mis-cased field must
 * behave here as it would there.
 */
@Tag("sandbox")
class ModelFieldsTest {

    @RegisterExtension
    static final SandboxEndpoint SANDBOX = new SandboxEndpoint();
    static SandboxApi api;

    @BeforeAll
    static void start() {
        api = SandboxApi.forServer(SANDBOX.server());
    }

    @Test
    void aCreateDropsUnknownFieldsAndTakesMisCasedOnes() {
        SandboxApi.Reply created = api.post("contexts", "{\"Name\":\"cased\",\"engine\":\"docker-context\","
                + "\"IMAGE\":\"img:1\",\"Flavour\":\"vanilla\",\"Meta\":{\"icon\":\"box\"}}");
        assertEquals(201, created.status(), created::toString);
        JsonNode stored = api.get("contexts/cased").json();
        assertEquals("docker-context", stored.path("Engine").asText());
        assertEquals("img:1", stored.path("Image").asText());
        assertFalse(stored.has("Flavour"), stored::toString);
        assertFalse(stored.has("engine") || stored.has("IMAGE"), stored::toString);
        // Meta is a Go map: its keys are kept exactly as sent.
        assertEquals("box", stored.path("Meta").path("icon").asText());
    }

    @Test
    void aReplaceAndAPatchAreDecodedTheSameWay() {
        api.post("contexts", "{\"Name\":\"patched\",\"Engine\":\"docker-context\",\"Image\":\"img:1\"}");
        SandboxApi.Reply replaced = api.put("contexts/patched", "{\"Name\":\"patched\",\"Engine\":\"docker-context\","
                + "\"image\":\"img:2\",\"Colour\":\"red\"}");
        assertEquals(200, replaced.status(), replaced::toString);
        assertEquals("img:2", replaced.json().path("Image").asText());
        assertFalse(replaced.json().has("Colour"), replaced::toString);

        SandboxApi.Reply patched = api.patch("contexts/patched", "[{\"op\":\"add\",\"path\":\"/image\","
                + "\"value\":\"img:3\"},{\"op\":\"add\",\"path\":\"/Shape\",\"value\":\"round\"}]");
        assertEquals(200, patched.status(), patched::toString);
        JsonNode stored = api.get("contexts/patched").json();
        assertEquals("img:3", stored.path("Image").asText());
        assertFalse(stored.has("Shape") || stored.has("image"), stored::toString);
    }

    @Test
    void machinesKeepTheirRealFieldsIncludingLockedAndReadOnly() {
        SandboxApi.Reply created = api.post("machines", "{\"Name\":\"fields\",\"Tags\":[\"x\"],"
                + "\"description\":\"from a lower-case key\",\"Meta\":{\"BaseContext\":\"\"}}");
        assertEquals(201, created.status(), created::toString);
        JsonNode machine = created.json();
        assertEquals("from a lower-case key", machine.path("Description").asText());
        assertFalse(machine.has("Tags"), "v4.7.0 models/machine.go has no Tags: " + machine);
        for (String field : new String[] {"Locked", "ReadOnly", "Meta", "Params", "Errors", "Available", "Validated",
                "Endpoint", "Bundle", "Partial", "Fingerprint", "TaskErrorStacks", "WorkflowComplete"}) {
            assertTrue(machine.has(field), field + " is a real machine field: " + machine);
        }
    }

    @Test
    void aJobKeepsOnlyJobFields() {
        api.post("tasks", "{\"Name\":\"noop\",\"Templates\":[]}");
        String uuid = api.post("machines", "{\"Name\":\"job-fields\",\"Tasks\":[\"noop\"]}").json()
                .path("Uuid").asText();
        SandboxApi.Reply job = api.post("jobs", "{\"Machine\":\"" + uuid + "\"}");
        assertEquals(201, job.status(), job::toString);
        String jobUuid = job.json().path("Uuid").asText();
        SandboxApi.Reply patched = api.patch("jobs/" + jobUuid,
                "[{\"op\":\"add\",\"path\":\"/Progress\",\"value\":50}]");
        assertEquals(200, patched.status(), patched::toString);
        assertFalse(api.get("jobs/" + jobUuid).json().has("Progress"));
    }

    @Test
    void structsInsideAnObjectAreDecodedToo() {
        SandboxApi.Reply task = api.post("tasks", "{\"Name\":\"nested\",\"Templates\":[{\"name\":\"t\","
                + "\"contents\":\"echo hi\",\"Shell\":\"bash\",\"Meta\":{\"OS\":\"linux\"}}]}");
        assertEquals(201, task.status(), task::toString);
        JsonNode template = api.get("tasks/nested").json().path("Templates").get(0);
        assertEquals("t", template.path("Name").asText(), template::toString);
        assertEquals("echo hi", template.path("Contents").asText());
        assertEquals("linux", template.path("Meta").path("OS").asText());
        assertFalse(template.has("Shell") || template.has("name"), template::toString);

        // models/role.go Claim: json:"scope" etc.; "Scope" matches it case-insensitively.
        api.post("roles", "{\"Name\":\"reader\",\"Claims\":[{\"Scope\":\"machines\",\"action\":\"get\","
                + "\"specific\":\"*\"}]}");
        assertEquals("{\"scope\":\"machines\",\"action\":\"get\",\"specific\":\"*\"}",
                api.get("roles/reader").json().path("Claims").get(0).toString());
    }
}
