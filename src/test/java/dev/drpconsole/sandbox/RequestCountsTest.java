package dev.drpconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.drpconsole.testsupport.SandboxEndpoint;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sandbox counts the requests it serves per caller, so a benchmark can tell a console's load on the endpoint
 * from the runner agents' (e.g. none while the console idles).
 */
@Tag("sandbox")
class RequestCountsTest {

    @RegisterExtension
    static final SandboxEndpoint SANDBOX = new SandboxEndpoint();

    @Test
    void eachRequestIsCountedForItsCallerAndARefusedOneForNobody() {
        SandboxApi api = SandboxApi.forServer(SANDBOX.server());
        String machine = api.post("machines", "{\"Name\":\"counted\"}").json().path("Uuid").asText();
        String token = api.get("machines/" + machine + "/token?ttl=1h").json().path("Token").asText();
        Map<String, Long> before = SANDBOX.server().requestsServed();

        api.get("machines");
        api.head("jobs");
        api.withToken(token).get("machines/" + machine);
        api.anonymous().get("machines");

        Map<String, Long> after = SANDBOX.server().requestsServed();
        assertEquals(2, after.get("user:rocketskates") - before.get("user:rocketskates"));
        assertEquals(1, after.get("runner:" + machine) - before.getOrDefault("runner:" + machine, 0L));
        assertEquals(2, after.size(), "no caller but the admin and the machine: " + after);
    }

    @Test
    void aRefusedRequestCountsForTheCallerItClaimedToBe() {
        SandboxApi api = SandboxApi.forServer(SANDBOX.server());
        api.post("users", "{\"Name\":\"knocker\",\"Roles\":[\"superuser\"]}");
        api.put("users/knocker/password", "{\"Password\":\"one\"}");
        String token = api.get("users/knocker/token?ttl=1h").json().path("Token").asText();
        api.put("users/knocker/password", "{\"Password\":\"two\"}"); // a new Secret: the token is revoked
        Map<String, Long> before = SANDBOX.server().requestsServed();

        assertEquals(403, api.withToken(token).get("machines").status());
        assertEquals(403, api.withToken(token).get("info").status());
        assertEquals(403, api.withAuthorization("Basic " + java.util.Base64.getEncoder().encodeToString(
                "knocker:one".getBytes(java.nio.charset.StandardCharsets.UTF_8))).get("info").status());

        Map<String, Long> after = SANDBOX.server().requestsServed();
        assertEquals(3, after.get("refused:user:knocker") - before.getOrDefault("refused:user:knocker", 0L));
        assertEquals(before.get("user:knocker"), after.get("user:knocker"), "none of them was served");
    }
}
