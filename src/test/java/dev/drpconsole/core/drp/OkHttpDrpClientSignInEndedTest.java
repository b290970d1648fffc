package dev.drpconsole.core.drp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client when its sign-in ends mid-session (issue 15, fault token-revoked): the user's password changed (on DRP
 * that also revokes their tokens, models/user.go ChangePassword), or a saved token was revoked. The call that finds
 * out fails with a {@link DrpAuthException} in plain words, the listener hears it once, and later calls fail at once
 * without reaching the endpoint: pages that poll must not knock for ever. A role that refuses a change is not an end.
 */
@Tag("sandbox")
class OkHttpDrpClientSignInEndedTest {
    private static final String JSON = "application/json";

    @TempDir
    static Path dataDir;
    static SandboxFixture sandbox;

    @BeforeAll
    static void start() throws Exception {
        sandbox = SandboxFixture.start(dataDir);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void aChangedPasswordEndsTheSignInOnceAndLaterCallsReachNothing() {
        user("leaver", "first");
        List<DrpAuthException> heard = new CopyOnWriteArrayList<>();
        try (OkHttpDrpClient client = OkHttpDrpClient.connect(as("leaver", "first"), sandbox.pinned())) {
            client.onSignInEnded(heard::add);
            assertEquals(List.of(), client.list(DrpType.MACHINES, Filter.ALL));

            ok(sandbox.send("PUT", "users/leaver/password", JSON, bytes("{\"Password\":\"second\"}")));
            DrpAuthException ended = assertThrows(DrpAuthException.class,
                    () -> client.list(DrpType.MACHINES, Filter.ALL));

            assertTrue(ended.getMessage().contains("refused the user name or password for leaver; check them and "
                    + "sign in again"), ended.getMessage());
            assertEquals(1, heard.size(), "heard once");
            Map<String, Long> before = sandbox.server.requestsServed();
            assertThrows(DrpAuthException.class, () -> client.list(DrpType.MACHINES, Filter.ALL));
            assertThrows(DrpAuthException.class, () -> client.jobLog("00000000-0000-0000-0000-000000000000", 0));
            assertEquals(before, sandbox.server.requestsServed(), "nothing more reached the endpoint");
            assertEquals(1, heard.size());
        }
    }

    @Test
    void aRevokedSavedTokenEndsTheSignInWithWordsToSignInAgain() {
        user("saver", "pw");
        String token;
        try (OkHttpDrpClient withPassword = OkHttpDrpClient.connect(as("saver", "pw"), sandbox.pinned())) {
            token = withPassword.currentToken();
        }
        List<DrpAuthException> heard = new CopyOnWriteArrayList<>();
        DrpEndpoint saved = new DrpEndpoint(sandbox.endpoint().urls(), new DrpCredentials.Token("saver", token),
                false);
        try (OkHttpDrpClient client = OkHttpDrpClient.connect(saved, sandbox.pinned())) {
            client.onSignInEnded(heard::add);
            ok(sandbox.send("PATCH", "users/saver", JSON,
                    bytes("[{\"op\":\"replace\",\"path\":\"/Secret\",\"value\":\"rotated\"}]")));

            DrpAuthException ended = assertThrows(DrpAuthException.class, () -> client.info());

            assertTrue(ended.getMessage().contains("has expired or was revoked; sign in again"), ended.getMessage());
            assertEquals(1, heard.size());
            List<DrpAuthException> late = new CopyOnWriteArrayList<>();
            client.onSignInEnded(late::add);
            assertEquals(1, late.size(), "a listener that comes later hears at once");
        }
    }

    @Test
    void aRoleThatRefusesAChangeDoesNotEndTheSignIn() {
        HttpResponse<String> role = sandbox.send("POST", "roles", JSON, bytes("{\"Name\":\"looker\",\"Claims\":"
                + "[{\"scope\":\"*\",\"action\":\"list, get\",\"specific\":\"*\"}]}"));
        assertEquals(201, role.statusCode(), role.body());
        user("looker", "pw", "looker");
        List<DrpAuthException> heard = new CopyOnWriteArrayList<>();
        try (OkHttpDrpClient client = OkHttpDrpClient.connect(as("looker", "pw"), sandbox.pinned())) {
            client.onSignInEnded(heard::add);
            assertThrows(DrpNotAllowedException.class, () -> client.create(DrpContext.of("no",
                    DrpContext.DOCKER_CONTEXT, "img:1", "refused")));
            assertEquals(List.of(), client.list(DrpType.MACHINES, Filter.ALL), "still signed in");
            assertEquals(List.of(), heard);
        }
    }

    private static void user(String name, String password) {
        user(name, password, "superuser");
    }

    private static void user(String name, String password, String role) {
        HttpResponse<String> created = sandbox.send("POST", "users", JSON, bytes("{\"Name\":\"" + name
                + "\",\"Roles\":[\"" + role + "\"]}"));
        assertEquals(201, created.statusCode(), created.body());
        ok(sandbox.send("PUT", "users/" + name + "/password", JSON, bytes("{\"Password\":\"" + password + "\"}")));
    }

    private static DrpEndpoint as(String user, String password) {
        return new DrpEndpoint(sandbox.endpoint().urls(), new DrpCredentials.Password(user, password), false);
    }

    private static void ok(HttpResponse<String> reply) {
        assertEquals(200, reply.statusCode(), reply.body());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
