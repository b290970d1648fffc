package dev.drpconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drpconsole.testsupport.SandboxEndpoint;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real drpcli agent ({@code drpcli machines processjobs}) working a machine's tasks against the sandbox, as a
 * host process: the whole job protocol (§4.2-4.5) without containers.
 */
@Tag("engine")
@Tag("sandbox")
class AgentProtocolTest {

    @RegisterExtension
    static final SandboxEndpoint SANDBOX = new SandboxEndpoint();
    @TempDir
    static Path work;
    static SandboxApi api;
    static Drpcli drpcli;

    @BeforeAll
    static void start() {
        api = SandboxApi.forServer(SANDBOX.server());
        drpcli = new Drpcli(SANDBOX.server(), work.resolve("tokens"));
        api.post("tasks", "{\"Name\":\"greet\",\"Meta\":{\"feature-flags\":\"sane-exit-codes\"},\"Templates\":[{"
                + "\"Name\":\"greet\",\"Contents\":\"#!/bin/bash\\necho \\\"greetings from $RS_UUID\\\"\\n"
                + "printf '\\\\033[32mgreen\\\\033[0m\\\\n'\\n\"}]}");
        api.post("tasks", "{\"Name\":\"break\",\"Meta\":{\"feature-flags\":\"sane-exit-codes\"},\"Templates\":[{"
                + "\"Name\":\"break\",\"Contents\":\"#!/bin/bash\\necho about to fail\\nexit 3\\n\"}]}");
        // Stops short the first time (exit 128 is "incomplete" with sane-exit-codes), finishes the second time.
        api.post("tasks", "{\"Name\":\"comes-back\",\"Meta\":{\"feature-flags\":\"sane-exit-codes\"},"
                + "\"Templates\":[{\"Name\":\"comes-back\",\"Contents\":\"#!/bin/bash\\nmark=" + work
                + "/tried-{{.Machine.UUID}}\\nif [ -e $mark ]; then echo second try; exit 0; fi\\ntouch $mark\\n"
                + "echo first try\\nexit 128\\n\"}]}");
        api.post("stages", "{\"Name\":\"in-agent-context\",\"Tasks\":[\"context:host-agent\",\"greet\",\"context:\"]}");
        api.post("workflows", "{\"Name\":\"greeting\",\"Stages\":[\"in-agent-context\",\"complete\"]}");
    }

    private static String token(String uuid) {
        return api.get("machines/" + uuid + "/token?ttl=1h").json().path("Token").asText();
    }

    private static Drpcli.Result agent(String uuid, String context) {
        return drpcli.runAsMachine(token(uuid), uuid, context, 60, "machines", "processjobs", "--oneshot",
                "--state-dir", work.resolve("state-" + uuid).toString());
    }

    @Test
    void theAgentRunsATaskInItsContextAndTheContextReturnsToTheMachine() {
        String uuid = api.post("machines", "{\"Name\":\"greeted\"}").json().path("Uuid").asText();
        api.patch("machines/" + uuid, "[{\"op\":\"replace\",\"path\":\"/Workflow\",\"value\":\"greeting\"}]");
        api.patch("machines/" + uuid, "[{\"op\":\"replace\",\"path\":\"/Context\",\"value\":\"host-agent\"}]");

        Drpcli.Result run = agent(uuid, "host-agent");
        assertEquals(0, run.exitCode(), run::toString);

        JsonNode jobs = api.get("jobs?Machine=" + uuid + "&Task=greet").json();
        assertEquals(1, jobs.size(), run::toString);
        JsonNode job = jobs.get(0);
        assertEquals("finished", job.path("State").asText());
        assertEquals("complete", job.path("ExitState").asText());
        String log = drpcli.run("jobs", "log", job.path("Uuid").asText()).ok().out();
        assertTrue(log.startsWith("Log for Job: " + job.path("Uuid").asText()), log);
        assertTrue(log.contains("greetings from " + uuid), log);
        assertTrue(log.contains("\u001b[32mgreen\u001b[0m"), "ANSI colours reach the log untouched: " + log);

        JsonNode machine = api.get("machines/" + uuid).json();
        assertEquals("", machine.path("Context").asText(), "context: hands the machine back to its own agent");
        assertEquals("stage:complete", machine.path("Tasks").get(machine.path("CurrentTask").asInt() + 1).asText());
        assertTrue(machine.path("Runnable").asBoolean());
    }

    /** A machine in the host agent's context with these tasks (a JSON array's items). */
    private static String hostAgentMachine(String name, String tasks) {
        return api.post("machines", "{\"Name\":\"" + name + "\",\"Tasks\":[" + tasks + "],"
                + "\"Meta\":{\"BaseContext\":\"host-agent\"}}").json().path("Uuid").asText();
    }

    /** v3 frontend/job_create.go (202, same job); the real agent (drpcli) stops the machine after it. */
    @Test
    void anIncompleteJobStopsItsMachineAndRunsAgainUnderTheSameUuidOnceRunnable() {
        String uuid = hostAgentMachine("comes-back", "\"comes-back\"");
        Drpcli.Result first = agent(uuid, "host-agent");
        JsonNode job = api.get("jobs?Machine=" + uuid).json().get(0);
        assertEquals("incomplete", job.path("State").asText(), first::toString);
        assertFalse(api.get("machines/" + uuid).json().path("Runnable").asBoolean(), "the agent stopped it");

        api.patch("machines/" + uuid, "[{\"op\":\"replace\",\"path\":\"/Runnable\",\"value\":true}]");
        Drpcli.Result second = agent(uuid, "host-agent");
        JsonNode jobs = api.get("jobs?Machine=" + uuid).json();
        assertEquals(1, jobs.size(), "run again, not a new job: " + jobs);
        assertEquals(job.path("Uuid").asText(), jobs.get(0).path("Uuid").asText());
        assertEquals("finished", jobs.get(0).path("State").asText(), second::toString);
        String log = api.get("jobs/" + job.path("Uuid").asText() + "/log").text();
        assertTrue(log.indexOf("first try") >= 0 && log.indexOf("first try") < log.indexOf("second try"), log);
    }

    @Test
    void aFailingTaskFailsItsJobAndStopsTheMachine() {
        String uuid = hostAgentMachine("breaker", "\"break\",\"greet\"");
        Drpcli.Result run = agent(uuid, "host-agent");
        JsonNode job = api.get("jobs?Machine=" + uuid).json().get(0);
        assertEquals("break", job.path("Task").asText(), run::toString);
        assertEquals("failed", job.path("State").asText());
        assertEquals("failed", job.path("ExitState").asText());
        assertTrue(api.get("jobs/" + job.path("Uuid").asText() + "/log").text().contains("about to fail"));
        assertFalse(api.get("machines/" + uuid).json().path("Runnable").asBoolean());
        assertEquals(1, api.get("jobs?Machine=" + uuid).json().size(), "the second task never ran");
    }
}
