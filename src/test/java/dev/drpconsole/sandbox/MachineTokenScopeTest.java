package dev.drpconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drpconsole.testsupport.SandboxEndpoint;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a runner's {@code RS_TOKEN} (a machine token: the sandbox issues the same one to a runner container and on
 * {@code GET /machines/<uuid>/token}) may do, over real HTTPS and with the real drpcli, mirroring real DRP. The
 * claims a DRP machine token carries, from the v3 server's {@code backend/renderData.go} GenerateInfiniteToken
 * (the v4 server is closed source; v4.7.0's doc/arch/auth.rst "Machine Tokens" describes the same set):
 * <pre>
 *   machines     get, actions, update, patch, action, getSecure, updateSecure   its own uuid only
 *   jobs         create, get, update, actions, log                              jobs of its own machine only
 *   params, stages, tasks, bootenvs, isos, files, info   get   *
 *   events post *; reservations get,create *; reservations * its own address
 * </pre>
 * No {@code list}, {@code delete} or {@code create} of machines, nothing on users, roles, prefs, contexts (writes),
 * and no uploads. How a refusal is answered is v3's {@code frontend/frontend.go}: a GET of one object it may not get
 * is 404 (as if missing), a list without the list claim is {@code 200 []}, any other refused call a 403 AUTH error.
 */
@Tag("sandbox")
class MachineTokenScopeTest {
    @RegisterExtension
    static final SandboxEndpoint SANDBOX = new SandboxEndpoint();
    @TempDir
    static Path work;

    static SandboxApi admin;
    static String uuidA;
    static String uuidB;
    static SandboxApi machineA;
    static String tokenA;
    static String jobOfB;

    @BeforeAll
    static void twoRunnerMachines() {
        admin = SandboxApi.forServer(SANDBOX.server());
        admin.post("tasks", "{\"Name\":\"scope-task\",\"Templates\":[{\"Name\":\"t\",\"Contents\":\"echo hi\\n\"}]}");
        uuidA = admin.post("machines", "{\"Name\":\"scope-a\",\"Tasks\":[\"scope-task\",\"scope-task\"]}").json()
                .path("Uuid").asText();
        uuidB = admin.post("machines", "{\"Name\":\"scope-b\",\"Tasks\":[\"scope-task\"]}").json()
                .path("Uuid").asText();
        tokenA = token(uuidA);
        machineA = admin.withToken(tokenA);
        // B's own agent takes B's first job, with B's token.
        SandboxApi.Reply created = admin.withToken(token(uuidB)).post("jobs", "{\"Machine\":\"" + uuidB + "\"}");
        assertEquals(201, created.status(), created::toString);
        jobOfB = created.json().path("Uuid").asText();
    }

    private static String token(String uuid) {
        SandboxApi.Reply issued = admin.get("machines/" + uuid + "/token?ttl=3y");
        assertEquals(200, issued.status(), issued::toString);
        return issued.json().path("Token").asText();
    }

    @Test
    void itReadsAndChangesItsOwnMachineAndRunsItsOwnJobsAsTheAgentDoes() {
        assertEquals(200, machineA.get("machines/" + uuidA).status());
        SandboxApi.Reply patched = machineA.patch("machines/" + uuidA,
                "[{\"op\":\"replace\",\"path\":\"/Description\",\"value\":\"patched by its agent\"}]");
        assertEquals(200, patched.status(), patched::toString);
        assertEquals("patched by its agent", admin.get("machines/" + uuidA).json().path("Description").asText());

        SandboxApi.Reply created = machineA.post("jobs", "{\"Machine\":\"" + uuidA + "\"}");
        assertEquals(201, created.status(), created::toString);
        String job = created.json().path("Uuid").asText();
        assertEquals(200, machineA.get("jobs/" + job).status());
        assertEquals(200, machineA.get("jobs/" + job + "/actions").status());
        assertEquals(200, machineA.patch("jobs/" + job, "[{\"op\":\"replace\",\"path\":\"/State\","
                + "\"value\":\"running\"}]").status());
        assertEquals(204, machineA.send("PUT", "jobs/" + job + "/log", "application/octet-stream",
                "from the agent\n".getBytes(StandardCharsets.UTF_8)).status());
        assertTrue(machineA.get("jobs/" + job + "/log").text().endsWith("from the agent\n"));
        assertEquals(200, machineA.patch("jobs/" + job, "[{\"op\":\"replace\",\"path\":\"/State\","
                + "\"value\":\"finished\"}]").status());

        for (String readable : new String[] {"info", "tasks/scope-task", "stages/none", "bootenvs/local"}) {
            assertEquals(200, machineA.get(readable).status(), readable);
        }
    }

    @Test
    void itCannotReadOrChangeAnotherMachineOrItsJobs() {
        assertEquals(404, machineA.get("machines/" + uuidB).status(), "hidden as if missing, as DRP does");
        assertRefused(machineA.patch("machines/" + uuidB,
                "[{\"op\":\"replace\",\"path\":\"/Description\",\"value\":\"x\"}]"));
        assertRefused(machineA.put("machines/" + uuidB, admin.get("machines/" + uuidB).text()));
        assertRefused(machineA.delete("machines/" + uuidB));
        assertRefused(machineA.post("machines/" + uuidB + "/actions/nextbootpxe", "{}"));
        assertEquals(404, machineA.get("jobs/" + jobOfB).status());
        assertEquals(404, machineA.get("jobs/" + jobOfB + "/log").status());
        assertRefused(machineA.patch("jobs/" + jobOfB, "[{\"op\":\"replace\",\"path\":\"/State\","
                + "\"value\":\"failed\"}]"));
        assertRefused(machineA.send("PUT", "jobs/" + jobOfB + "/log", "application/octet-stream",
                "forged\n".getBytes(StandardCharsets.UTF_8)));
        assertRefused(machineA.delete("jobs/" + jobOfB));
        assertRefused(machineA.post("jobs", "{\"Machine\":\"" + uuidB + "\"}"));
        assertFalse(admin.get("jobs/" + jobOfB + "/log").text().contains("forged"));
        assertEquals("created", admin.get("jobs/" + jobOfB).json().path("State").asText());
        assertEquals("", admin.get("machines/" + uuidB).json().path("Description").asText());
    }

    @Test
    void itCannotGetATokenForAnotherMachineNorForAUser() {
        assertTrue(machineA.get("machines/" + uuidB + "/token?ttl=3y").status() >= 403);
        assertTrue(machineA.get("users/rocketskates/token").status() >= 403);
    }

    @Test
    void listsShowItNothingOfOtherMachines() {
        for (String list : new String[] {"machines", "jobs"}) {
            SandboxApi.Reply reply = machineA.get(list);
            assertEquals(200, reply.status(), list);
            assertEquals("[]", reply.text(), list + ": no list claim, so an empty list, as in DRP");
        }
        for (String list : new String[] {"users", "roles", "prefs"}) {
            SandboxApi.Reply reply = machineA.get(list);
            assertEquals(200, reply.status(), list + ": a list it may not read is empty, as in DRP");
            String text = reply.text();
            assertFalse(text.contains(uuidB) || text.contains(jobOfB) || text.contains("rocketskates"),
                    list + " shows another machine, its jobs or a user: " + text);
        }
    }

    @Test
    void itCannotChangeAnythingElse() {
        assertRefused(machineA.delete("machines/" + uuidA));
        assertRefused(machineA.post("machines", "{\"Name\":\"spawned\"}"));
        assertRefused(machineA.post("users", "{\"Name\":\"intruder\"}"));
        assertRefused(machineA.put("users/rocketskates/password", "{\"Password\":\"taken-over\"}"));
        assertRefused(machineA.post("roles", "{\"Name\":\"mine\",\"Claims\":[{\"scope\":\"*\",\"action\":\"*\","
                + "\"specific\":\"*\"}]}"));
        assertRefused(machineA.post("contexts", "{\"Name\":\"sneaky\",\"Engine\":\"docker-context\"}"));
        assertRefused(machineA.post("prefs", "{\"defaultStage\":\"none\"}"));
        assertRefused(machineA.post("tasks", "{\"Name\":\"sneaky\"}"));
        assertRefused(machineA.post("workflows", "{\"Name\":\"sneaky\"}"));
        assertRefused(machineA.post("profiles", "{\"Name\":\"sneaky\"}"));
        assertRefused(machineA.send("POST", "files/sneaky.txt", "application/octet-stream",
                "x".getBytes(StandardCharsets.UTF_8)));
        assertRefused(machineA.delete("tasks/scope-task"));
        assertEquals(404, admin.get("users/intruder").status());
        assertEquals(404, admin.get("files/sneaky.txt").status());
    }

    @Test
    void drpcliWithTheRunnerTokenReadsItsMachineAndIsRefusedAnother() {
        Drpcli drpcli = new Drpcli(SANDBOX.server(), work.resolve("tokens"));
        Drpcli.Result own = drpcli.runAsMachine(tokenA, uuidA, "", 30, "machines", "show", uuidA);
        assertEquals(0, own.exitCode(), own::toString);
        assertTrue(own.out().contains(uuidA), own::toString);
        Drpcli.Result other = drpcli.runAsMachine(tokenA, uuidA, "", 30, "machines", "show", uuidB);
        assertTrue(other.exitCode() != 0, other::toString);
        Drpcli.Result change = drpcli.runAsMachine(tokenA, uuidA, "", 30, "machines", "update", uuidB,
                "{\"Description\":\"via drpcli\"}");
        assertTrue(change.exitCode() != 0, change::toString);
        assertTrue(change.err().contains("Cannot access") || change.err().contains("403")
                || change.err().contains("Not Found"), change::toString);
        assertEquals("", admin.get("machines/" + uuidB).json().path("Description").asText());
    }

    private static void assertRefused(SandboxApi.Reply reply) {
        assertEquals(403, reply.status(), reply::toString);
        assertEquals("AUTH", reply.json().path("Type").asText(), reply::toString);
    }
}
