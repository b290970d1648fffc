package dev.drpconsole.core.drp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client signed in as a read-only user of the sandbox (a role with {@code list, get} on contexts, machines and
 * info): what a role refuses is "not allowed", and the sign-in stays (real-drp-differences C.11).
 */
@Tag("sandbox")
class OkHttpDrpClientRolesTest {
    private static final String JSON = "application/json";

    @TempDir
    static Path dataDir;
    @TempDir
    static Path work;
    static SandboxFixture sandbox;
    static OkHttpDrpClient admin;
    static OkHttpDrpClient reader;

    @BeforeAll
    static void start() throws Exception {
        sandbox = SandboxFixture.start(dataDir);
        admin = sandbox.connect();
        admin.create(DrpContext.of("kept", DrpContext.DOCKER_CONTEXT, "img:1", "the reader may not delete it"));
        created(sandbox.send("POST", "roles", JSON, bytes("{\"Name\":\"reader\",\"Claims\":[{\"scope\":\"contexts, "
                + "machines, info\",\"action\":\"list, get\",\"specific\":\"*\"}]}")));
        created(sandbox.send("POST", "users", JSON, bytes("{\"Name\":\"reader\",\"Roles\":[\"reader\"]}")));
        HttpResponse<String> password = sandbox.send("PUT", "users/reader/password", JSON,
                bytes("{\"Password\":\"read-only\"}"));
        assertEquals(200, password.statusCode(), password.body());
        assertTrue(!password.body().contains("PasswordHash"), password.body());
        reader = OkHttpDrpClient.connect(asReader("read-only"), sandbox.pinned());
    }

    @AfterAll
    static void stop() {
        reader.close();
        admin.close();
        sandbox.close();
    }

    @Test
    void theReaderListsWhatItsRoleAllowsAndSeesNothingElse() {
        assertEquals(List.of("kept"), reader.list(DrpType.CONTEXTS, Filter.ALL).stream().map(DrpContext::name)
                .toList());
        assertEquals(List.of(), reader.list(DrpType.MACHINES, Filter.ALL));
        assertEquals(List.of(), reader.list(DrpType.STAGES, Filter.ALL), "a list the role does not cover is empty");
        assertEquals(Optional.empty(), reader.get(DrpType.STAGES, "none"),
                "a GET the role does not cover is a 404: DRP hides what exists");
        assertTrue(admin.get(DrpType.STAGES, "none").isPresent(), "the admin keeps superuser");
    }

    @Test
    void aRefusedDeleteIsNotAllowedNamesTheClaimAndTheReaderStaysSignedIn() {
        String token = reader.currentToken();

        DrpNotAllowedException refused = assertThrows(DrpNotAllowedException.class,
                () -> reader.delete(DrpType.CONTEXTS, "kept"));

        assertEquals(403, refused.code());
        assertEquals(Optional.of("contexts delete kept"), refused.requiredClaim());
        assertEquals(List.of("Cannot access /api/v3/contexts/kept", "Requires: contexts delete kept"),
                refused.messages());
        assertEquals(token, reader.currentToken(), "no new sign-in");
        assertEquals(1, reader.list(DrpType.CONTEXTS, Filter.ALL).size(), "still signed in, the context kept");
    }

    @Test
    void aRefusedUploadIsNotAllowedAndDoesNotSignInAgain() throws Exception {
        Path file = Files.write(work.resolve("refused.bin"), new byte[256 * 1024]);
        String token = reader.currentToken();

        DrpNotAllowedException refused = assertThrows(DrpNotAllowedException.class,
                () -> reader.uploadFile("refused.bin", file, (done, total) -> { }));

        assertEquals(Optional.of("files post refused.bin"), refused.requiredClaim());
        assertEquals(token, reader.currentToken());
        assertEquals(Optional.empty(), admin.fileSha256("refused.bin"));
    }

    @Test
    void aWrongPasswordIsStillASignInFailure() {
        DrpAuthException refused = assertThrows(DrpAuthException.class,
                () -> OkHttpDrpClient.connect(asReader("wrong"), sandbox.pinned()));
        assertEquals(403, refused.code());
    }

    private static DrpEndpoint asReader(String password) {
        return new DrpEndpoint(sandbox.endpoint().urls(), new DrpCredentials.Password("reader", password), false);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void created(HttpResponse<String> reply) {
        assertEquals(201, reply.statusCode(), reply.body());
    }
}
