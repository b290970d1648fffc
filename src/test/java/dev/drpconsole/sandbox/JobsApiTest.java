package dev.drpconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drpconsole.testsupport.SandboxEndpoint;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** §4: POST /jobs rules, job logs, state patches, actions, and the machine task-list rules around them. */
@Tag("sandbox")
class JobsApiTest {

    @RegisterExtension
    static final SandboxEndpoint SANDBOX = new SandboxEndpoint();
    static SandboxApi api;

    @BeforeAll
    static void start() {
        api = SandboxApi.forServer(SANDBOX.server());
        api.post("tasks", "{\"Name\":\"say-hello\",\"Templates\":[{\"Name\":\"hello\",\"Contents\":\"#!/bin/bash\\n"
                + "echo hello\\n\"},{\"Name\":\"windows-only\",\"Contents\":\"echo hi\",\"Meta\":{\"OS\":\"windows\"}}]}");
        api.post("templates", "{\"ID\":\"uses-go.tmpl\",\"Contents\":\"echo {{.Machine.Name}}\\n\"}");
        api.post("tasks", "{\"Name\":\"templated\",\"Templates\":[{\"Name\":\"t\",\"ID\":\"uses-go.tmpl\"}]}");
        api.post("tasks", "{\"Name\":\"unrenderable\",\"Templates\":[{\"Name\":\"u\",\"Contents\":"
                + "\"echo {{.Param \\\"no/such-param\\\"}}\\n\"}]}");
        api.post("stages", "{\"Name\":\"hello-stage\",\"Tasks\":[\"say-hello\",\"say-hello\"]}");
        api.post("workflows", "{\"Name\":\"hello-flow\",\"Stages\":[\"hello-stage\",\"complete\"]}");
    }

    private static String machine(String name, String extra) {
        return api.post("machines", "{\"Name\":\"" + name + "\"" + extra + "}").json().path("Uuid").asText();
    }

    private static SandboxApi.Reply nextJob(String uuid, String context) {
        return api.post("jobs", "{\"Machine\":\"" + uuid + "\",\"Context\":\"" + context + "\"}");
    }

    private static void setState(String job, String from, String to) {
        SandboxApi.Reply reply = api.patch("jobs/" + job, "[{\"op\":\"test\",\"path\":\"/State\",\"value\":\"" + from
                + "\"},{\"op\":\"replace\",\"path\":\"/State\",\"value\":\"" + to + "\"}]");
        assertEquals(200, reply.status(), reply::toString);
    }

    /** As a real v3.13.6 server does it (backend/machines.go validateChangeWorkflow, frontend/job_create.go). */
    @Test
    void aWorkflowMovesTheMachineToItsFirstStageAtOnceAndTheFirstJobIsItsFirstTask() {
        String uuid = machine("flow-runner", ",\"Workflow\":\"hello-flow\"");
        JsonNode machine = api.get("machines/" + uuid).json();
        assertEquals("[\"stage:hello-stage\",\"say-hello\",\"say-hello\",\"stage:complete\"]",
                machine.path("Tasks").toString());
        assertEquals(-1, machine.path("CurrentTask").asInt());
        assertEquals("hello-stage", machine.path("Stage").asText(), "the workflow's first stage, at once");

        SandboxApi.Reply created = nextJob(uuid, "");
        assertEquals(201, created.status(), "the stage entry changes nothing, so the first task runs: " + created);
        JsonNode job = created.json();
        assertEquals("say-hello", job.path("Task").asText());
        assertEquals("created", job.path("State").asText());
        assertEquals(1, job.path("CurrentIndex").asInt());
        assertEquals("00000000-0000-0000-0000-000000000000", job.path("Previous").asText(), "no stage: job before it");
        assertEquals(1, api.get("jobs?Machine=" + uuid).json().size(), "no job for an entry that changed nothing");
        assertEquals(job.path("Uuid").asText(), api.get("machines/" + uuid).json().path("CurrentJob").asText());

        SandboxApi.Reply busy = nextJob(uuid, "");
        assertEquals(409, busy.status());
        assertEquals("Machine " + uuid + " already has running or created job",
                busy.json().path("Messages").get(0).asText());

        String jobUuid = job.path("Uuid").asText();
        setState(jobUuid, "created", "running");
        setState(jobUuid, "running", "incomplete");
        SandboxApi.Reply again = nextJob(uuid, "");
        assertEquals(202, again.status(), "an incomplete job is handed back to run again");
        assertEquals(jobUuid, again.json().path("Uuid").asText());
        setState(jobUuid, "incomplete", "running");
        setState(jobUuid, "running", "finished");

        JsonNode second = nextJob(uuid, "").json();
        assertEquals(2, second.path("CurrentIndex").asInt());
        assertEquals(jobUuid, second.path("Previous").asText());
        assertFalse(api.get("jobs/" + jobUuid).json().path("Current").asBoolean());
        setState(second.path("Uuid").asText(), "created", "running");
        setState(second.path("Uuid").asText(), "running", "finished");
        assertEquals(204, nextJob(uuid, "").status(), "stage:complete");
        assertEquals(204, nextJob(uuid, "").status(), "nothing left");
        assertTrue(api.get("machines/" + uuid).json().path("WorkflowComplete").asBoolean());
    }

    @Test
    void postJobsErrorsAndContextMismatch() {
        assertEquals(400, api.post("jobs", "{\"Context\":\"\"}").status());
        SandboxApi.Reply unknown = nextJob("11111111-2222-3333-4444-555555555555", "");
        assertEquals(422, unknown.status());
        assertTrue(unknown.json().path("Messages").get(0).asText().contains("does not exist"));

        String uuid = machine("other-context", ",\"Workflow\":\"hello-flow\"");
        assertEquals(204, nextJob(uuid, "runner").status(), "an agent in another context gets no work");
        api.patch("machines/" + uuid, "[{\"op\":\"replace\",\"path\":\"/Runnable\",\"value\":false}]");
        SandboxApi.Reply notRunnable = nextJob(uuid, "");
        assertEquals(409, notRunnable.status());
        assertEquals("Conflict", notRunnable.json().path("Type").asText());
        assertEquals("Machine " + uuid + " is not runnable", notRunnable.json().path("Messages").get(0).asText());
    }

    @Test
    void aFailedJobStopsItsMachineAndIsRetriedOnceRunnableAgain() {
        String uuid = machine("fails-once", ",\"Tasks\":[\"say-hello\"]");
        String job = nextJob(uuid, "").json().path("Uuid").asText();
        setState(job, "created", "running");
        setState(job, "running", "failed");
        assertFalse(api.get("machines/" + uuid).json().path("Runnable").asBoolean());
        assertEquals(409, nextJob(uuid, "").status());
        api.patch("machines/" + uuid, "[{\"op\":\"replace\",\"path\":\"/Runnable\",\"value\":true}]");
        JsonNode retry = nextJob(uuid, "").json();
        assertEquals("say-hello", retry.path("Task").asText());
        assertEquals(0, retry.path("CurrentIndex").asInt());
        assertEquals(422, api.patch("jobs/" + retry.path("Uuid").asText(),
                "[{\"op\":\"replace\",\"path\":\"/State\",\"value\":\"fred\"}]").status());
    }

    @Test
    void logsStartWithTheirHeaderAppendAndServeByteRanges() {
        String uuid = machine("logger", ",\"Tasks\":[\"say-hello\"]");
        String job = nextJob(uuid, "").json().path("Uuid").asText();
        String header = "Log for Job: " + job + "\n";
        assertEquals(header, api.get("jobs/" + job + "/log").text());
        SandboxApi.Reply appended = api.send("PUT", "jobs/" + job + "/log", "application/octet-stream",
                "line one\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(204, appended.status());
        assertEquals("application/json", appended.header("Content-Type"));
        api.send("PUT", "jobs/" + job + "/log", "application/octet-stream", "line two\n".getBytes());
        SandboxApi.Reply whole = api.get("jobs/" + job + "/log");
        assertEquals("application/octet-stream", whole.header("Content-Type"));
        assertEquals(header + "line one\nline two\n", whole.text());

        SandboxApi.Reply tail = api.send("GET", "jobs/" + job + "/log", null, null, "Range",
                "bytes=" + header.length() + "-");
        assertEquals(206, tail.status());
        assertEquals("line one\nline two\n", tail.text());
        assertEquals("bytes " + header.length() + "-" + (header.length() + 17) + "/" + (header.length() + 18),
                tail.header("Content-Range"));
        assertEquals("two\n", api.send("GET", "jobs/" + job + "/log", null, null, "Range", "bytes=-4").text());
        assertEquals(416, api.send("GET", "jobs/" + job + "/log", null, null, "Range", "bytes=9999-").status());

        SandboxApi.Reply wrongType = api.send("PUT", "jobs/" + job + "/log", "text/plain", "x".getBytes());
        assertEquals(415, wrongType.status());
        assertEquals("job log put must have content-type application/octet-stream",
                wrongType.json().path("Messages").get(0).asText());
    }

    @Test
    void actionsRenderTheTaskAndFilterByOs() {
        String uuid = machine("actions", ",\"Tasks\":[\"say-hello\"]");
        String job = nextJob(uuid, "").json().path("Uuid").asText();
        JsonNode linux = api.get("jobs/" + job + "/actions?os=linux").json();
        assertEquals(1, linux.size());
        assertEquals("hello", linux.get(0).path("Name").asText());
        assertEquals("", linux.get(0).path("Path").asText());
        assertEquals("#!/bin/bash\necho hello\n", linux.get(0).path("Content").asText());
        assertEquals(2, api.get("jobs/" + job + "/actions").json().size());
        assertEquals(404, api.get("jobs/11111111-2222-3333-4444-555555555555/actions").status());
    }

    @Test
    void storedTemplatesAreRenderedAsGoTemplatesForTheJobsMachine() {
        String uuid = machine("templated", ",\"Tasks\":[\"templated\"]");
        String job = nextJob(uuid, "").json().path("Uuid").asText();
        JsonNode actions = api.get("jobs/" + job + "/actions?os=linux").json();
        assertEquals("echo templated\n", actions.get(0).path("Content").asText(), actions::toString);
    }

    @Test
    void aTemplateThatCannotBeRenderedFailsTheJobWithAClearLogLine() {
        String uuid = machine("unrenderable", ",\"Tasks\":[\"unrenderable\"]");
        String job = nextJob(uuid, "").json().path("Uuid").asText();
        setState(job, "created", "running");
        SandboxApi.Reply refused = api.get("jobs/" + job + "/actions?os=linux");
        assertEquals(422, refused.status());
        assertTrue(refused.json().path("Messages").get(0).asText().contains("no/such-param"), refused::toString);
        assertEquals("failed", api.get("jobs/" + job).json().path("State").asText());
        String log = api.get("jobs/" + job + "/log").text();
        assertTrue(log.contains("sandbox: job failed: ") && log.contains("no such machine parameter \"no/such-param\""),
                log);
        assertFalse(api.get("machines/" + uuid).json().path("Runnable").asBoolean());
    }

    @Test
    void jobsAreDeletableOnlyOnceOver() {
        String uuid = machine("deleter", ",\"Tasks\":[\"say-hello\"]");
        String job = nextJob(uuid, "").json().path("Uuid").asText();
        SandboxApi.Reply refused = api.delete("jobs/" + job);
        assertEquals(422, refused.status());
        assertTrue(refused.json().path("Messages").get(0).asText().endsWith("is not in a deletable state: created"));
        setState(job, "created", "running");
        setState(job, "running", "finished");
        assertEquals(200, api.delete("jobs/" + job).status());
        assertEquals(404, api.get("jobs/" + job + "/log").status());
    }

    @Test
    void taskListEditsFollowDrpsRules() {
        String uuid = machine("editor", ",\"Tasks\":[\"say-hello\",\"say-hello\"]");
        String job = nextJob(uuid, "").json().path("Uuid").asText();
        SandboxApi.Reply removeRun = api.patch("machines/" + uuid,
                "[{\"op\":\"replace\",\"path\":\"/Tasks\",\"value\":[]}]");
        assertEquals(422, removeRun.status());
        assertEquals("Cannot remove tasks that have already executed or are already executing",
                removeRun.json().path("Messages").get(0).asText());
        SandboxApi.Reply changeRun = api.patch("machines/" + uuid,
                "[{\"op\":\"replace\",\"path\":\"/Tasks/0\",\"value\":\"templated\"}]");
        assertEquals("Cannot change tasks that have already executed or are executing",
                changeRun.json().path("Messages").get(0).asText());
        assertEquals(200, api.patch("machines/" + uuid,
                "[{\"op\":\"add\",\"path\":\"/Tasks/-\",\"value\":\"templated\"}]").status(), "the future may change");
        SandboxApi.Reply advance = api.patch("machines/" + uuid,
                "[{\"op\":\"replace\",\"path\":\"/CurrentTask\",\"value\":2}]");
        assertEquals("Cannot advance CurrentTask from 0 to 2 without running jobs",
                advance.json().path("Messages").get(0).asText());
        SandboxApi.Reply unknownTask = api.patch("machines/" + uuid,
                "[{\"op\":\"add\",\"path\":\"/Tasks/-\",\"value\":\"nope\"}]");
        assertEquals(uuid + ": Task nope (at 3) does not exist", unknownTask.json().path("Messages").get(0).asText());
        assertTrue(job.length() > 0);
    }

    @Test
    void newMachinesGetDrpsDefaultsAndTheirBaseContext() {
        api.post("contexts", "{\"Name\":\"runner\",\"Engine\":\"docker-context\",\"Image\":\"x\"}");
        JsonNode machine = api.post("machines", "{\"Name\":\"context-runner\",\"Meta\":{\"BaseContext\":\"runner\"}}")
                .json();
        assertEquals("runner", machine.path("Context").asText());
        assertEquals("change-stage-v2", machine.path("Meta").path("feature-flags").asText());
        assertEquals(16, machine.path("Secret").asText().length());
        assertEquals(36, machine.path("Uuid").asText().length());
        assertTrue(machine.path("Runnable").asBoolean());
        assertEquals("none", machine.path("Stage").asText());
        assertEquals("local", machine.path("BootEnv").asText());
        assertEquals("amd64", machine.path("Arch").asText());
        assertEquals("", machine.path("CurrentJob").asText());
        assertEquals("[]", machine.path("Profiles").toString());
        // DRP v4.7.0 agent/taskRunner_test.go "Make initial machine": no tasks is a finished task list.
        assertEquals(0, machine.path("CurrentTask").asInt());
        assertTrue(machine.path("WorkflowComplete").asBoolean());

        String uuid = machine.path("Uuid").asText();
        api.patch("machines/" + uuid, "[{\"op\":\"replace\",\"path\":\"/Context\",\"value\":\"\"}]");
        JsonNode withWorkflow = api.patch("machines/" + uuid,
                "[{\"op\":\"replace\",\"path\":\"/Workflow\",\"value\":\"hello-flow\"}]").json();
        assertEquals("runner", withWorkflow.path("Context").asText(), "a workflow change resets to BaseContext");
        assertEquals("hello-stage", withWorkflow.path("Stage").asText(), "a workflow change moves to its first stage");
        JsonNode cleared = api.patch("machines/" + uuid,
                "[{\"op\":\"replace\",\"path\":\"/Workflow\",\"value\":\"\"}]").json();
        assertEquals("none", cleared.path("Stage").asText());
        assertEquals(0, cleared.path("Tasks").size());
        // DRP v4.7.0 agent/taskRunner_test.go "Try to remove tasks from machine1": CurrentTask 0, complete.
        assertEquals(0, cleared.path("CurrentTask").asInt());
        assertTrue(cleared.path("WorkflowComplete").asBoolean());
    }

    @Test
    void aMachinesFirstJobFollowsTheZeroUuid() {
        String uuid = machine("first-job", ",\"Tasks\":[\"say-hello\"]");
        JsonNode job = nextJob(uuid, "").json();
        assertEquals("00000000-0000-0000-0000-000000000000", job.path("Previous").asText());
    }

    @Test
    void deletingAMachineEndsItsCurrentJobsCurrency() throws Exception {
        String uuid = machine("deleted-while-busy", ",\"Tasks\":[\"say-hello\"]");
        String job = nextJob(uuid, "").json().path("Uuid").asText();
        setState(job, "created", "running");
        EventSocketTest.Frames frames = new EventSocketTest.Frames();
        WebSocket socket = api.websocket("ws", frames);
        socket.sendText("register jobs.*." + job, true).join();
        frames.next();
        assertEquals(200, api.delete("machines/" + uuid).status());
        assertFalse(api.get("jobs/" + job).json().path("Current").asBoolean());
        JsonNode event = frames.next();
        assertFalse(event.path("Object").path("Current").asBoolean(), "watchers of Current jobs hear of it: " + event);
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
        assertEquals(0, api.get("jobs?Current=true&Machine=" + uuid).json().size(),
                "the Runners view follows Current jobs: none may belong to a deleted machine");
    }
}
