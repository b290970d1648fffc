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
}
