package dev.drpconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The prefs as DRP has them (v3 frontend/prefs.go, backend/dataTracker.go SetPrefs): listed as strings with the
 * real defaults, set by POST (as {@code drpcli prefs set}), checked, kept across a restart, and applied to an empty
 * Workflow, Stage and BootEnv of a new machine (backend/machines.go OnCreate).
 */
@Tag("sandbox")
class PrefsApiTest {

    @TempDir
    static Path dataDir;
    @TempDir
    Path tokens;
    static SandboxServer server;
    static SandboxApi api;

    @BeforeAll
    static void start() throws Exception {
        server = SandboxServer.start(SandboxConfig.inDataDir(dataDir).withPort(0).withoutRunners());
        api = SandboxApi.forServer(server);
        api.post("tasks", "{\"Name\":\"pref-task\"}");
        api.post("stages", "{\"Name\":\"pref-stage\",\"Tasks\":[\"pref-task\"]}");
        api.post("workflows", "{\"Name\":\"pref-workflow\",\"Stages\":[\"pref-stage\"]}");
    }

    @AfterEach
    void backToTheDefaults() {
        api.post("prefs", "{\"defaultWorkflow\":\"\",\"defaultStage\":\"none\",\"defaultBootEnv\":\"local\"}");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theListHasTheRealDefaultsAsStrings() {
        SandboxApi.Reply reply = api.get("prefs");

        assertEquals(200, reply.status(), reply::toString);
        JsonNode prefs = reply.json();
        assertEquals("local", prefs.path("defaultBootEnv").asText());
        assertEquals("none", prefs.path("defaultStage").asText());
        assertEquals("ignore", prefs.path("unknownBootEnv").asText());
        assertEquals("3600", prefs.path("knownTokenTimeout").asText());
        assertEquals("600", prefs.path("unknownTokenTimeout").asText());
        prefs.fields().forEachRemaining(field -> assertTrue(field.getValue().isTextual(), field::toString));
    }

    @Test
    void postSetsPrefsAnswers201WithAllOfThemAndRefusesBadOnesWhole() {
        SandboxApi.Reply set = api.post("prefs", "{\"defaultWorkflow\":\"pref-workflow\",\"knownTokenTimeout\":\"5000\"}");
        assertEquals(201, set.status(), set::toString);
        assertEquals("pref-workflow", set.json().path("defaultWorkflow").asText());
        assertEquals("5000", set.json().path("knownTokenTimeout").asText());

        SandboxApi.Reply refused = api.post("prefs", "{\"defaultWorkflow\":\"foo\",\"defaultStage\":\"none\","
                + "\"colour\":\"red\"}");
        assertEquals(400, refused.status(), refused::toString);
        assertEquals("prefs", refused.json().path("Model").asText());
        String messages = refused.json().path("Messages").toString();
        assertTrue(messages.contains("defaultWorkflow: Workflow foo does not exist"), messages);
        assertTrue(messages.contains("Unknown Preference colour"), messages);
        assertEquals("pref-workflow", api.get("prefs").json().path("defaultWorkflow").asText());
    }

    @Test
    void aNewMachineWithoutWorkflowGetsTheDefaultOneAndAnExplicitOneWins() {
        api.post("prefs", "{\"defaultWorkflow\":\"pref-workflow\"}");

        JsonNode defaulted = api.post("machines", "{\"Name\":\"pref-m1\",\"Runnable\":false}").json();
        JsonNode explicit = api.post("machines", "{\"Name\":\"pref-m2\",\"Stage\":\"pref-stage\","
                + "\"Workflow\":\"\",\"BootEnv\":\"local\"}").json();
        api.post("prefs", "{\"defaultWorkflow\":\"\"}");
        JsonNode plain = api.post("machines", "{\"Name\":\"pref-m3\"}").json();

        assertEquals("pref-workflow", defaulted.path("Workflow").asText());
        assertEquals("[\"stage:pref-stage\",\"pref-task\"]", defaulted.path("Tasks").toString());
        assertTrue(defaulted.path("Runnable").asBoolean(), "DRP makes every new machine runnable");
        assertEquals("pref-workflow", explicit.path("Workflow").asText(), "an empty Workflow is what is defaulted");
        assertEquals("", plain.path("Workflow").asText());
        assertEquals("none", plain.path("Stage").asText());
        assertEquals("local", plain.path("BootEnv").asText());
        assertEquals(0, plain.path("Tasks").size());
    }

    @Test
    void aDefaultStageAppliesWhenThereIsNoWorkflow() {
        api.post("prefs", "{\"defaultStage\":\"pref-stage\"}");

        JsonNode machine = api.post("machines", "{\"Name\":\"pref-m4\"}").json();

        assertEquals("pref-stage", machine.path("Stage").asText());
        assertEquals("[\"pref-task\"]", machine.path("Tasks").toString());
    }

    @Test
    void drpcliPrefsSetAndListWorkAndThePrefsOutliveARestart() throws Exception {
        Drpcli drpcli = new Drpcli(server, tokens);

        Drpcli.Result set = drpcli.run("prefs", "set", "defaultWorkflow", "pref-workflow").ok();
        assertTrue(set.out().contains("\"defaultWorkflow\": \"pref-workflow\""), set.out());
        Drpcli.Result refused = drpcli.run("prefs", "set", "defaultWorkflow", "foo");
        assertFalse(refused.exitCode() == 0, refused.toString());
        assertTrue(refused.err().contains("defaultWorkflow: Workflow foo does not exist"), refused.err());

        server.close();
        server = SandboxServer.start(SandboxConfig.inDataDir(dataDir).withPort(0).withoutRunners());
        api = SandboxApi.forServer(server);
        Drpcli.Result listed = new Drpcli(server, tokens).run("prefs", "list").ok();
        assertTrue(listed.out().contains("\"defaultWorkflow\": \"pref-workflow\""), listed.out());
    }
}
