package dev.drpconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.testsupport.SandboxEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** §2: the generic object API, list filters and count headers, JSON Patch, and DRP's error replies. */
@Tag("sandbox")
class ObjectApiTest {

    @RegisterExtension
    static final SandboxEndpoint SANDBOX = new SandboxEndpoint();
    static SandboxApi api;

    @BeforeAll
    static void start() {
        api = SandboxApi.forServer(SANDBOX.server());
        for (String name : new String[] {"alpha", "bravo", "charlie"}) {
            api.post("contexts", "{\"Name\":\"" + name + "\",\"Engine\":\"" + (name.equals("bravo") ? "other"
                    : "docker-context") + "\",\"Image\":\"img-" + name + "\"}");
        }
    }

    private static void assertDrpError(SandboxApi.Reply reply, int code, String type) {
        assertEquals(code, reply.status(), reply::toString);
        assertEquals("application/json", reply.header("Content-Type"));
        JsonNode error = reply.json();
        assertEquals(code, error.path("Code").asInt());
        assertEquals(type, error.path("Type").asText());
        assertTrue(error.path("Messages").isArray() && error.path("Messages").size() > 0, reply::toString);
        assertTrue(error.has("Model") && error.has("Key"));
    }

    // A locked machine refuses a user's changes with 403, Type the method, Messages ["Locked"]; a change that
    // unlocks it always passes, and so does locking (DRP v3.13.6 backend/requestTracker.go Locked).

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
    void aLongListComesGzippedWhenTheClientAsksAsFromDrpAndWholeEitherWay() throws Exception {
        for (int i = 0; i < 60; i++) {
            api.post("machines", "{\"Name\":\"gz-" + (char) ('z' - i % 26) + i + "\",\"Params\":{\"inventory/x\":\""
                    + "x".repeat(300) + "\"}}");
        }
        String list = "machines?slim=Params&sort=Name&Name=Re(%5Egz-)";

        SandboxApi.Reply plain = api.get(list);
        SandboxApi.Reply zipped = api.send("GET", list, null, null, "Accept-Encoding", "gzip");

        assertEquals(200, zipped.status());
        assertEquals("gzip", zipped.header("Content-Encoding"), "DRP's gin gzip middleware compresses lists");
        byte[] unzipped = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(zipped.bytes()))
                .readAllBytes();
        assertTrue(java.util.Arrays.equals(plain.bytes(), unzipped), "the same list either way");
        JsonNode machines = plain.json();
        assertEquals(60, machines.size());
        List<String> names = new ArrayList<>();
        machines.forEach(machine -> {
            names.add(machine.path("Name").asText());
            assertTrue(machine.path("Params").isEmpty(), "slimmed: " + machine);
        });
        assertEquals(names.stream().sorted().toList(), names, "sorted by Name");
    }

    @Test
    void aLockedMachineRefusesPatchPutParamsAndDelete() {
        String uuid = lockedMachine("locked-one");
        assertRefused(api.patch("machines/" + uuid,
                "[{\"op\":\"replace\",\"path\":\"/Description\",\"value\":\"changed\"}]"), "PATCH", uuid);
        JsonNode whole = api.get("machines/" + uuid).json();
        ((ObjectNode) whole).put("Description", "changed");
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

    @Test
    void createFillsDefaultsAndAnswers201WithTheObject() {
        SandboxApi.Reply created = api.post("contexts", "{\"Name\":\"runner\",\"Engine\":\"docker-context\","
                + "\"Image\":\"digitalrebar/runner\",\"Meta\":{\"Title\":\"Example context\"}}");
        assertEquals(201, created.status());
        JsonNode context = created.json();
        assertEquals(true, context.path("Available").asBoolean());
        assertEquals(true, context.path("Validated").asBoolean());
        assertEquals(0, context.path("Errors").size());
        assertEquals("", context.path("Documentation").asText());
        assertEquals("Example context", context.path("Meta").path("Title").asText());
        api.delete("contexts/runner");
    }

    /**
     * DRP v3.13.6 frontend/frontend.go processItem: slim names Params and/or Meta, any case, and empties them;
     * other names are ignored. v4 (api/client.go Filter) also takes params=p1,p2 to keep only those params.
     */
    @Test
    void slimEmptiesParamsAndMetaInAnyCaseAndParamsKeepsTheNamedOnes() {
        String uuid = api.post("machines", "{\"Name\":\"inventoried\",\"Meta\":{\"BaseContext\":\"x\"},"
                + "\"Params\":{\"inventory/dmi\":{\"big\":true},\"keep/me\":1}}").json().path("Uuid").asText();
        JsonNode slim = api.get("machines?Name=inventoried&slim=params,META").json().get(0);
        assertEquals("{}", slim.path("Params").toString());
        assertEquals("{}", slim.path("Meta").toString());
        JsonNode ignored = api.get("machines?Name=inventoried&slim=Tasks,Profiles").json().get(0);
        assertEquals("[]", ignored.path("Tasks").toString(), "only Params and Meta can be slimmed");
        assertEquals("[]", ignored.path("Profiles").toString());
        JsonNode picked = api.get("machines/" + uuid + "?params=keep/me").json();
        assertEquals("{\"keep/me\":1}", picked.path("Params").toString());
        assertEquals("x", picked.path("Meta").path("BaseContext").asText());
        api.delete("machines/" + uuid);
    }

    @Test
    void listsFilterSortPageAndCount() {
        SandboxApi.Reply list = api.get("contexts?Engine=docker-context");
        assertEquals(200, list.status());
        assertEquals(2, list.json().size());
        assertEquals("2", list.header("X-DRP-LIST-COUNT"));
        assertEquals("2", list.header("X-DRP-LIST-FILTER-COUNT"));
        assertEquals(Integer.toString(api.get("contexts").json().size()), list.header("X-DRP-LIST-TOTAL-COUNT"));
        assertEquals("[]", api.get("contexts?Engine=nothing").text());
        assertEquals("charlie", api.get("contexts?sort=Name&reverse=true&limit=1").json().get(0).path("Name")
                .asText());
        assertEquals("bravo", api.get("contexts?offset=1&limit=1").json().get(0).path("Name").asText());
        assertEquals(2, api.get("contexts?Name=alpha&Name=charlie").json().size(), "a repeated key ORs");
        assertEquals(1, api.get("contexts?Name=Gt(alpha)&Engine=docker-context").json().size(), "keys AND");
        assertEquals(2, api.get("contexts?Name=In(alpha,bravo)").json().size());
        assertEquals(1, api.get("contexts?Image=Re(%5Eimg-b)").json().size());
        assertEquals(2, api.get("contexts?Name=Between(alpha,bravo)").json().size());

        SandboxApi.Reply count = api.head("contexts?Engine=docker-context");
        assertEquals(200, count.status());
        assertEquals("2", count.header("X-DRP-LIST-FILTER-COUNT"));
        assertEquals("", count.text());
    }

    @Test
    void keyLookupByUniqueIndex() {
        JsonNode machine = api.post("machines", "{\"Name\":\"lookup-me\"}").json();
        String uuid = machine.path("Uuid").asText();
        assertEquals(uuid, api.get("machines/Name:lookup-me").json().path("Uuid").asText());
        assertEquals("lookup-me", api.get("machines/Uuid:" + uuid).json().path("Name").asText());
        assertEquals("lookup-me", api.get("machines/Key:" + uuid).json().path("Name").asText());
        assertEquals(200, api.head("machines/Name:lookup-me").status());
        assertEquals(404, api.head("machines/Name:nobody").status());
        assertTrue(api.head("machines/" + uuid).header("ETag").startsWith("\""));
    }

    @Test
    void putReplacesAndPatchAppliesTestOps() {
        api.post("contexts", "{\"Name\":\"patched\",\"Engine\":\"docker-context\",\"Image\":\"a\"}");
        SandboxApi.Reply patched = api.patch("contexts/patched", "[{\"op\":\"test\",\"path\":\"/Image\","
                + "\"value\":\"a\",\"from\":\"\"},{\"op\":\"replace\",\"path\":\"/Image\",\"value\":\"b\",\"from\":\"\"}]");
        assertEquals(200, patched.status(), patched::toString);
        assertEquals("b", patched.json().path("Image").asText());
        SandboxApi.Reply put = api.put("contexts/patched", "{\"Name\":\"patched\",\"Engine\":\"docker-context\","
                + "\"Image\":\"c\"}");
        assertEquals(200, put.status());
        assertEquals("c", api.get("contexts/patched").json().path("Image").asText());
        SandboxApi.Reply deleted = api.delete("contexts/patched");
        assertEquals(200, deleted.status());
        assertEquals("c", deleted.json().path("Image").asText(), "delete answers with the deleted object");
    }

    @Test
    void error400ForBadJsonWrongContentTypeEmptyKeyAndKeyChange() {
        assertDrpError(api.post("contexts", "{not json"), 400, "POST");
        assertDrpError(api.send("POST", "contexts", "text/plain", "{\"Name\":\"x\"}".getBytes()), 400, "POST");
        assertDrpError(api.post("tasks", "{\"Description\":\"no name\"}"), 400, "CREATE");
        SandboxApi.Reply keyChange = api.put("contexts/alpha", "{\"Name\":\"omega\"}");
        assertDrpError(keyChange, 400, "PUT");
        assertEquals("Key change from alpha to omega not allowed", keyChange.json().path("Messages").get(0).asText());
    }

    @Test
    void error404ForMissingObjectsAndUnknownRoutes() {
        SandboxApi.Reply missing = api.get("contexts/nope");
        assertDrpError(missing, 404, "GET");
        assertEquals("contexts", missing.json().path("Model").asText());
        assertEquals("nope", missing.json().path("Key").asText());
        assertEquals("Not Found", missing.json().path("Messages").get(0).asText());
        assertDrpError(api.delete("contexts/nope"), 404, "DELETE");
        assertDrpError(api.get("no-such-type"), 404, "API ERROR");
        assertEquals(404, api.head("contexts/nope").status());
    }

    @Test
    void error406ForBadFilters() {
        assertEquals("Filter not found: Colour", api.get("contexts?Colour=red").json().path("Messages").get(0)
                .asText());
        assertDrpError(api.get("contexts?Colour=red"), 406, "GET");
        assertEquals("Invalid UUID: false", api.get("jobs?Machine=false").json().path("Messages").get(0).asText());
        assertEquals("Limit cannot be negative", api.get("contexts?limit=-1").json().path("Messages").get(0)
                .asText());
        assertEquals("Offset cannot be negative", api.get("contexts?offset=-2").json().path("Messages").get(0)
                .asText());
        assertEquals("Not sortable: Colour", api.get("contexts?sort=Colour").json().path("Messages").get(0)
                .asText());
        assertDrpError(api.get("jobs?StartTime=fred"), 406, "GET");
    }

    @Test
    void error409ForDuplicatesAndFailedPatchTests() {
        SandboxApi.Reply duplicate = api.post("contexts", "{\"Name\":\"alpha\"}");
        assertDrpError(duplicate, 409, "CREATE");
        assertEquals("already exists", duplicate.json().path("Messages").get(0).asText());

        SandboxApi.Reply failedTest = api.patch("contexts/alpha", "[{\"op\":\"test\",\"path\":\"/Image\","
                + "\"value\":\"not-the-image\"},{\"op\":\"replace\",\"path\":\"/Image\",\"value\":\"x\"}]");
        assertDrpError(failedTest, 409, "PATCH");
        assertEquals("Patch error at line 0: Test op failed.", failedTest.json().path("Messages").get(0).asText());
        assertTrue(failedTest.json().path("Messages").get(1).asText().startsWith("Patch: "));
        assertEquals("img-alpha", api.get("contexts/alpha").json().path("Image").asText(), "nothing changed");
    }

    @Test
    void error422ForADuplicateMachineName() {
        String first = api.post("machines", "{\"Name\":\"twin\"}").json().path("Uuid").asText();
        SandboxApi.Reply duplicate = api.post("machines", "{\"Name\":\"twin\"}");
        assertDrpError(duplicate, 422, "ValidationError");
        String key = duplicate.json().path("Key").asText();
        assertEquals("machines:" + key + " violates unique index Name", duplicate.json().path("Messages").get(0)
                .asText());
        assertEquals(1, api.get("machines?Name=twin").json().size());
        String second = api.post("machines", "{\"Name\":\"other-twin\"}").json().path("Uuid").asText();
        SandboxApi.Reply renamed = api.patch("machines/" + second,
                "[{\"op\":\"replace\",\"path\":\"/Name\",\"value\":\"twin\"}]");
        assertDrpError(renamed, 422, "ValidationError");
        assertEquals("machines:" + second + " violates unique index Name", renamed.json().path("Messages").get(0)
                .asText());
        api.delete("machines/" + first);
        api.delete("machines/" + second);
    }

    @Test
    void error422ForInvalidObjects() {
        SandboxApi.Reply badName = api.post("machines", "{\"Name\":\"bad name!\"}");
        assertDrpError(badName, 422, "ValidationError");
        assertTrue(badName.json().path("Messages").get(0).asText().contains("Invalid Name `bad name!`"));
        SandboxApi.Reply missingStage = api.post("machines", "{\"Name\":\"staged\",\"Stage\":\"baz\"}");
        assertDrpError(missingStage, 422, "ValidationError");
        assertEquals("Stage baz does not exist", missingStage.json().path("Messages").get(0).asText());
        assertDrpError(api.post("machines", "{\"Name\":\"wf\",\"Workflow\":\"nowhere\"}"), 422, "ValidationError");
    }

    @Test
    void everyNonHeadReplyIsTypedJsonIncluding204s() {
        SandboxApi.Reply posted = api.post("events", "{\"Type\":\"beeblebrox\",\"Action\":\"zaphod\",\"Key\":\"1\"}");
        assertEquals(204, posted.status());
        assertEquals("application/json", posted.header("Content-Type"));
    }

    @Test
    void objectsAndIndexesDescribeTheTypes() {
        JsonNode objects = api.get("objects").json();
        for (String prefix : new String[] {"contexts", "jobs", "machines", "params", "plugins", "profiles",
                "stages", "tasks", "users", "workflows"}) {
            assertTrue(objects.toString().contains("\"" + prefix + "\""), prefix);
        }
        JsonNode name = api.get("indexes/machines/Name").json();
        assertEquals(true, name.path("Unique").asBoolean());
    }

    @Test
    void longPollingWaitsForAChangeOrAnswers304() throws Exception {
        api.post("contexts", "{\"Name\":\"polled\",\"Image\":\"a\"}");
        String etag = api.head("contexts/polled").header("ETag");
        long start = System.nanoTime();
        SandboxApi.Reply unchanged = api.send("GET", "contexts/polled", null, null, "If-None-Match", etag, "Prefer",
                "wait=1s");
        assertEquals(304, unchanged.status());
        assertTrue(System.nanoTime() - start >= 900_000_000L, "it waited");

        Thread changer = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
            api.patch("contexts/polled", "[{\"op\":\"replace\",\"path\":\"/Image\",\"value\":\"b\"}]");
        });
        changer.start();
        SandboxApi.Reply changed = api.send("GET", "contexts/polled", null, null, "If-None-Match", etag, "Prefer",
                "wait=10s");
        changer.join();
        assertEquals(200, changed.status());
        assertEquals("b", changed.json().path("Image").asText());
        api.delete("contexts/polled");
    }

    @Test
    void metaCanBeReadAndPatchedAlone() {
        api.post("contexts", "{\"Name\":\"meta-holder\",\"Meta\":{\"color\":\"blue\"}}");
        assertEquals("{\"color\":\"blue\"}", api.get("meta/contexts/meta-holder").text());
        SandboxApi.Reply patched = api.patch("meta/contexts/meta-holder",
                "[{\"op\":\"add\",\"path\":\"/icon\",\"value\":\"docker\"}]");
        assertEquals(200, patched.status(), patched::toString);
        assertEquals("docker", api.get("contexts/meta-holder").json().path("Meta").path("icon").asText());
        api.delete("contexts/meta-holder");
    }

    /** Like params: patches adding different Meta keys of one object at once all stay. */
    @Test
    void concurrentPatchesOfOneObjectsMetaAllStay() throws Exception {
        api.post("contexts", "{\"Name\":\"busy-meta\"}");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                String patch = "[{\"op\":\"add\",\"path\":\"/busy-" + i + "\",\"value\":\"set\"}]";
                statuses.add(pool.submit(() -> api.patch("meta/contexts/busy-meta", patch).status()));
            }
            for (Future<Integer> status : statuses) {
                assertEquals(200, status.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(120, api.get("meta/contexts/busy-meta").json().size(), "every acknowledged Meta key is kept");
        api.delete("contexts/busy-meta");
    }

    @Test
    void paramsCanBeSetReadAggregatedAndRemoved() {
        api.post("profiles", "{\"Name\":\"colours\",\"Params\":{\"demo/colour\":\"orange\"}}");
        String uuid = api.post("machines", "{\"Name\":\"params-machine\",\"Profiles\":[\"colours\"]}").json()
                .path("Uuid").asText();
        assertEquals("null", api.get("machines/" + uuid + "/params/demo/colour").text());
        assertEquals("\"orange\"", api.get("machines/" + uuid + "/params/demo/colour?aggregate=true").text());
        assertEquals(200, api.post("machines/" + uuid + "/params/demo/colour", "\"purple\"").status());
        assertEquals("\"purple\"", api.get("machines/" + uuid + "/params/demo/colour?aggregate=true").text());
        assertEquals(1, api.get("machines?demo/colour=purple").json().size(), "unknown keys filter on params");
        assertEquals("\"purple\"", api.delete("machines/" + uuid + "/params/demo/colour").text());
        assertEquals("{}", api.get("machines/" + uuid + "/params").text());
    }

    /**
     * Setting one param is one change: callers setting different params of one object at once each get their 200,
     * and every value they were told is set is there afterwards (none undoes another's).
     */
    @Test
    void concurrentSetsOfDifferentParamsOfOneObjectAllStay() throws Exception {
        api.post("profiles", "{\"Name\":\"busy-params\"}");
        int callers = 8;
        int each = 15;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int caller = 0; caller < callers; caller++) {
                for (int i = 0; i < each; i++) {
                    String name = "busy/c" + caller + "-" + i;
                    statuses.add(pool.submit(() -> api.post("profiles/busy-params/params/" + name, "\"set\"")
                            .status()));
                }
            }
            for (Future<Integer> status : statuses) {
                assertEquals(200, status.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(callers * each, api.get("profiles/busy-params/params").json().size(),
                "every acknowledged param is kept");
        api.delete("profiles/busy-params");
    }
}
