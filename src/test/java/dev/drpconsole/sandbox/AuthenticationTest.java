package dev.drpconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drpconsole.testsupport.SandboxEndpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** §1.2-1.4: Basic, Bearer and ?token=, user and machine tokens, and the 401/403 replies. */
@Tag("sandbox")
class AuthenticationTest {

    @RegisterExtension
    static final SandboxEndpoint SANDBOX = new SandboxEndpoint();
    static SandboxApi admin;

    @BeforeAll
    static void start() {
        admin = SandboxApi.forServer(SANDBOX.server());
    }

    @Test
    void noCredentialsIs401WithAnEmptyJsonTypedBodyAndDrpsChallenge() {
        SandboxApi.Reply reply = admin.anonymous().get("machines");
        assertEquals(401, reply.status());
        assertEquals("dr-provision", reply.header("WWW-Authenticate"));
        assertEquals("application/json", reply.header("Content-Type"));
        assertEquals("", reply.text());
        assertEquals(401, admin.withAuthorization("Basic !!!").get("info").status());
        assertEquals(401, admin.withAuthorization("Digest abc").get("info").status());
    }

    @Test
    void wrongPasswordOrUnknownUserIs403WithAnEmptyBody() {
        SandboxApi.Reply wrong = admin.asAdmin("not-the-password").get("info");
        assertEquals(403, wrong.status());
        assertEquals("", wrong.text());
        String password = SANDBOX.server().adminPassword().password();
        assertEquals(403, admin.withAuthorization("Basic " + java.util.Base64.getEncoder()
                .encodeToString(("fred:" + password).getBytes())).get("info").status());
        assertEquals(403, admin.withToken("not-a-token").get("info").status());
    }

    @Test
    void aUserTokenWorksAsBearerAndAsQueryParameter() {
        SandboxApi.Reply reply = admin.get("users/rocketskates/token?ttl=600");
        assertEquals(200, reply.status());
        String token = reply.json().path("Token").asText();
        assertEquals(SANDBOX.server().port(), reply.json().path("Info").path("api_port").asInt());
        assertEquals(200, admin.withToken(token).get("machines").status());
        assertEquals(200, admin.anonymous().get("machines?token=" + token).status());
        String password = SANDBOX.server().adminPassword().password();
        assertEquals(200, admin.anonymous().get("machines?token=rocketskates:" + password).status());
        assertEquals(403, admin.anonymous().get("machines?token=rocketskates:wrong").status());
    }

    @Test
    void anExpiredTokenFailsValidationWithAnAuthErrorBody() throws InterruptedException {
        String token = admin.get("users/rocketskates/token?ttl=1").json().path("Token").asText();
        Thread.sleep(2100);
        SandboxApi.Reply reply = admin.withToken(token).get("info");
        assertEquals(403, reply.status());
        assertEquals("AUTH", reply.json().path("Type").asText());
        assertEquals("Validation failed", reply.json().path("Messages").get(0).asText());
        assertEquals(403, reply.json().path("Code").asInt());
    }

    @Test
    void aBadTtlIs400() {
        SandboxApi.Reply reply = admin.get("users/rocketskates/token?ttl=soon");
        assertEquals(400, reply.status());
        assertTrue(reply.json().path("Messages").get(0).asText().contains("Invalid duration"));
    }

    @Test
    void aMachineTokenReachesOnlyItsOwnMachineAndDiesWhenTheSecretChanges() {
        JsonNode own = admin.post("machines", "{\"Name\":\"token-own\"}").json();
        JsonNode other = admin.post("machines", "{\"Name\":\"token-other\"}").json();
        String uuid = own.path("Uuid").asText();
        SandboxApi.Reply issued = admin.get("machines/" + uuid + "/token?ttl=3y");
        assertEquals(200, issued.status());
        SandboxApi machine = admin.withToken(issued.json().path("Token").asText());

        assertEquals(200, machine.get("machines/" + uuid).status());
        assertEquals(200, machine.get("contexts").status());
        assertEquals(404, machine.get("machines/" + other.path("Uuid").asText()).status(),
                "reads of other machines look like missing objects");
        SandboxApi.Reply patchOther = machine.patch("machines/" + other.path("Uuid").asText(),
                "[{\"op\":\"replace\",\"path\":\"/Description\",\"value\":\"x\"}]");
        assertEquals(403, patchOther.status());
        assertEquals("AUTH", patchOther.json().path("Type").asText());
        assertEquals(403, machine.delete("machines/" + uuid).status());
        assertEquals(403, machine.post("contexts", "{\"Name\":\"sneaky\"}").status());

        admin.patch("machines/" + uuid, "[{\"op\":\"replace\",\"path\":\"/Secret\",\"value\":\"a-new-secret\"}]");
        SandboxApi.Reply afterRotation = machine.get("machines/" + uuid);
        assertEquals(403, afterRotation.status());
        assertEquals("Validation failed", afterRotation.json().path("Messages").get(0).asText());
    }

    /** DRP v4.7.0 models/user.go ChangePassword: a new password also gets the user a new Secret. */
    @Test
    void changingAUsersPasswordRevokesTheTokensIssuedBefore() {
        admin.post("users", "{\"Name\":\"revoked-user\",\"Roles\":[\"superuser\"]}");
        admin.put("users/revoked-user/password", "{\"Password\":\"first\"}");
        SandboxApi user = basic("revoked-user", "first");
        String token = user.get("users/revoked-user/token?ttl=1h").json().path("Token").asText();
        assertEquals(200, admin.withToken(token).get("info").status());

        admin.put("users/revoked-user/password", "{\"Password\":\"second\"}");
        SandboxApi.Reply revoked = admin.withToken(token).get("info");
        assertEquals(403, revoked.status(), "the token issued before the change");
        assertEquals("Validation failed", revoked.json().path("Messages").get(0).asText());
        assertEquals(403, user.get("info").status(), "the old password");
        assertEquals(200, basic("revoked-user", "second").get("info").status(), "the new password");
    }

    private static SandboxApi basic(String user, String password) {
        return admin.withAuthorization("Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
