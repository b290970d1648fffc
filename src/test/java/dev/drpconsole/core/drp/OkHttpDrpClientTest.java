package dev.drpconsole.core.drp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REST client against the project's real sandbox endpoint over HTTPS. */
@Tag("sandbox")
class OkHttpDrpClientTest {

    @TempDir
    static Path dataDir;
    @TempDir
    static Path work;
    static SandboxFixture sandbox;
    static OkHttpDrpClient client;

    @BeforeAll
    static void start() throws Exception {
        sandbox = SandboxFixture.start(dataDir);
        client = sandbox.connect();
    }

    @AfterAll
    static void stop() {
        client.close();
        sandbox.close();
    }

    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) DrpJson.read(text);
    }

    @Test
    void aFirstConnectionAsksTheUserToTrustTheCertificate() {
        UntrustedCertificateException refused = assertThrows(UntrustedCertificateException.class,
                () -> OkHttpDrpClient.connect(sandbox.endpoint(), new MemoryCertificatePins()));
        assertTrue(refused.isFirstUse());
        assertEquals(sandbox.fingerprint(), refused.presentedSha256());
        assertEquals(sandbox.hostPort(), refused.hostPort());
        assertTrue(refused.subject().contains("DRP Context Console sandbox"), refused.subject());
    }

    @Test
    void aDifferentPinIsRefusedShowingBothFingerprints() {
        MemoryCertificatePins pins = new MemoryCertificatePins();
        String other = "AB:" + sandbox.fingerprint().substring(3);
        pins.pin(sandbox.hostPort(), other);
        UntrustedCertificateException refused = assertThrows(UntrustedCertificateException.class,
                () -> OkHttpDrpClient.connect(sandbox.endpoint(), pins));
        assertFalse(refused.isFirstUse());
        assertEquals(Optional.of(other), refused.pinnedSha256());
        assertEquals(sandbox.fingerprint(), refused.presentedSha256());
        assertTrue(refused.getMessage().contains(other) && refused.getMessage().contains(sandbox.fingerprint()));
    }

    @Test
    void insecureModeTrustsAnyCertificate() {
        DrpEndpoint insecure = new DrpEndpoint(sandbox.endpoint().urls(), sandbox.endpoint().credentials(), true);
        try (OkHttpDrpClient unchecked = OkHttpDrpClient.connect(insecure, new MemoryCertificatePins())) {
            assertTrue(unchecked.insecure());
            assertFalse(unchecked.info().version().isEmpty());
        }
        assertFalse(client.insecure());
    }

    @Test
    void thePasswordBuysATokenAndTheTokenAloneSignsInToo() {
        String token = client.currentToken();
        assertTrue(token != null && !token.isEmpty());
        assertTrue(client.tokenExpires().orElseThrow().isAfter(java.time.Instant.now().plusSeconds(3000)));
        DrpEndpoint saved = new DrpEndpoint(List.of(sandbox.url()), new DrpCredentials.Token("rocketskates", token),
                false);
        try (OkHttpDrpClient withToken = OkHttpDrpClient.connect(saved, sandbox.pinned())) {
            assertEquals(token, withToken.currentToken());
            assertEquals(sandbox.server.port(), withToken.info().apiPort());
        }
        DrpEndpoint wrong = new DrpEndpoint(List.of(sandbox.url()), new DrpCredentials.Password("rocketskates",
                "wrong"), false);
        DrpAuthException refused = assertThrows(DrpAuthException.class,
                () -> OkHttpDrpClient.connect(wrong, sandbox.pinned()));
        assertTrue(refused.getMessage().contains("user name or password"), refused.getMessage());
    }

    @Test
    void theFirstUrlThatAnswersIsUsed() throws Exception {
        int closedPort;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        DrpEndpoint two = new DrpEndpoint(List.of("https://127.0.0.1:" + closedPort, sandbox.url()),
                sandbox.endpoint().credentials(), false);
        try (OkHttpDrpClient second = OkHttpDrpClient.connect(two, sandbox.pinned())) {
            assertEquals(sandbox.url(), second.url());
        }
        DrpEndpoint none = new DrpEndpoint(List.of("https://127.0.0.1:" + closedPort),
                sandbox.endpoint().credentials(), false);
        DrpUnreachableException unreachable = assertThrows(DrpUnreachableException.class,
                () -> OkHttpDrpClient.connect(none, sandbox.pinned()));
        assertTrue(unreachable.getMessage().contains("127.0.0.1:" + closedPort), unreachable.getMessage());
        assertTrue(unreachable.fixHint().contains("Is dr-provision running"), unreachable.fixHint());
    }

    @Test
    void contextsAndRunnerMachinesAreCreatedReadListedCountedAndDeleted() {
        DrpContext context = client.create(DrpContext.of("crud-runner", DrpContext.DOCKER_CONTEXT, "img:1", "CRUD"));
        assertTrue(context.available());
        assertEquals("img:1", client.get(DrpType.CONTEXTS, "crud-runner").orElseThrow().image());

        Machine machine = client.create(Machine.runner("crud-machine", "crud-runner", "made by a test"));
        assertFalse(machine.uuid().isEmpty());
        assertEquals("crud-runner", machine.context(), "DRP sets Context from Meta.BaseContext");
        assertEquals(machine.uuid(), client.get(DrpType.MACHINES, "Name:crud-machine").orElseThrow().uuid());

        assertEquals(List.of("crud-machine"), client.list(DrpType.MACHINES, Filter.where("Name", "crud-machine"))
                .stream().map(Machine::name).toList());
        assertEquals(1, client.count(DrpType.MACHINES, Filter.where("Name", "crud-machine")));
        assertEquals(1, client.count(DrpType.CONTEXTS, Filter.where("Name", "crud-runner")));

        assertEquals("crud-machine", client.delete(DrpType.MACHINES, machine.uuid()).name());
        assertEquals(Optional.empty(), client.get(DrpType.MACHINES, machine.uuid()));
        client.delete(DrpType.CONTEXTS, "crud-runner");
        DrpApiException gone = assertThrows(DrpApiException.class,
                () -> client.delete(DrpType.CONTEXTS, "crud-runner"));
        assertTrue(gone.isNotFound());
        assertEquals("contexts", gone.model());
    }

    @Test
    void filtersTravelAsEncodedQueryParametersAndRepeatedKeysOr() {
        for (String name : List.of("filter-a", "filter-b", "filter c&d")) {
            client.create(DrpContext.of(name, "filter-engine", "x", ""));
        }
        assertEquals(3, client.count(DrpType.CONTEXTS, Filter.where("Engine", "filter-engine")));
        assertEquals(2, client.list(DrpType.CONTEXTS, Filter.where("Name", "filter-a").and("Name", "filter c&d"))
                .size(), "a repeated key ORs, and & inside a value is encoded");
        assertEquals(List.of("filter-b"), client.list(DrpType.CONTEXTS, Filter.where("Engine", "filter-engine")
                .and("Name", "In(filter-b,nothing)")).stream().map(DrpContext::name).toList());
        assertEquals(List.of("filter-a"), client.list(DrpType.CONTEXTS, Filter.where("Engine", "filter-engine")
                .sort("Name").offset(1).limit(1)).stream().map(DrpContext::name).toList(), "' ' sorts before '-'");
        DrpApiException bad = assertThrows(DrpApiException.class,
                () -> client.list(DrpType.CONTEXTS, Filter.where("NoSuchIndex", "x")));
        assertEquals(406, bad.code());
    }

    @Test
    void updatesSendTestedChangesAndKeepFieldsTheClientDoesNotKnow() throws Exception {
        // A field of DRP's model this client has no accessor for (a made-up one a real endpoint would drop, D.13).
        Machine original = client.create(new Machine(json("{\"Name\":\"keeps-extra\","
                + "\"Params\":{\"future/param\":{\"nested\":[1,2]}}}")));
        assertEquals("[1,2]", original.json().path("Params").path("future/param").path("nested").toString(),
                "the server keeps a field this client has no accessor for");
        Machine changed = original.withDescription("two");
        String patch = JsonPatchDiff.between(original.json(), changed.json()).toString();
        assertEquals("[{\"op\":\"test\",\"path\":\"/Description\",\"value\":\"\"},"
                + "{\"op\":\"replace\",\"path\":\"/Description\",\"value\":\"two\"}]", patch);

        Machine updated = client.update(original, changed);
        assertEquals("two", updated.description());
        assertEquals("[1,2]", updated.json().path("Params").path("future/param").path("nested").toString());
    }

    @Test
    void aConcurrentChangeIsNotOverwrittenAndTheConflictSaysSo() {
        Machine seen = client.create(Machine.runner("contested", "", "first"));
        try (OkHttpDrpClient someoneElse = sandbox.connect()) {
            someoneElse.update(seen, seen.withDescription("theirs"));
        }
        DrpApiException conflict = assertThrows(DrpApiException.class,
                () -> client.update(seen, seen.withDescription("mine")));
        assertTrue(conflict.isConflict());
        assertTrue(conflict.getMessage().startsWith("machines/" + seen.uuid() + ": Someone else changed it"),
                conflict.getMessage());
        assertTrue(conflict.messages().stream().anyMatch(m -> m.contains("Test op failed")), conflict::toString);
        assertEquals("theirs", client.get(DrpType.MACHINES, seen.uuid()).orElseThrow().description());
    }

    @Test
    void aListWithoutParamsLeavesTheInventoryOnTheEndpointAndAChangeKeepsIt() throws Exception {
        ObjectNode json = json("{\"Name\":\"inventoried-runner\",\"Meta\":{\"BaseContext\":\"runner\"}}");
        json.putObject("Params").put("inventory/dmi", "x".repeat(20_000));
        client.create(new Machine(json));
        Machine listed = client.list(DrpType.MACHINES, Filter.where("Name", "inventoried-runner").withoutParams())
                .get(0);
        assertEquals("{}", listed.json().path("Params").toString(), "the inventory did not travel");
        assertEquals("runner", listed.baseContext(), "Meta did");

        client.update(listed, listed.withDescription("changed from a slim row"));

        Machine stored = client.get(DrpType.MACHINES, listed.uuid()).orElseThrow();
        assertEquals("changed from a slim row", stored.description());
        assertEquals(20_000, stored.json().path("Params").path("inventory/dmi").asText().length(),
                "a change made from a slim row keeps the machine's Params");
    }

    /** DRP v3.13.6 backend/requestTracker.go Locked: 403, Type the method, Messages ["Locked"]. */
    @Test
    void aLockedMachineRefusesAChangeInPlainWordsAndTheSignInStays() throws Exception {
        Machine machine = client.create(new Machine(json("{\"Name\":\"locked-for-client\"}")));
        Machine locked = client.update(machine, machine.withLocked(true));
        assertTrue(locked.locked());
        DrpLockedException refused = assertThrows(DrpLockedException.class,
                () -> client.update(locked, locked.withDescription("changed")));
        assertTrue(refused.getMessage().contains("is locked") && refused.getMessage()
                .contains("Unlock"), refused.getMessage());
        assertThrows(DrpLockedException.class, () -> client.delete(DrpType.MACHINES, locked.uuid()));
        assertEquals("", client.get(DrpType.MACHINES, locked.uuid()).orElseThrow().description());
        Machine unlocked = client.update(locked, locked.withLocked(false));
        assertFalse(unlocked.locked(), "unlocking is allowed, and the sign-in held");
    }

    @Test
    void jobLogsAreReadByRangeWithoutSplittingCharacters() throws Exception {
        client.create(new Task(json("{\"Name\":\"log-task\",\"Templates\":[{\"Name\":\"t\",\"Contents\":\"echo\"}]}")));
        client.create(new Stage(json("{\"Name\":\"log-stage\",\"Tasks\":[\"log-task\"]}")));
        client.create(new Workflow(json("{\"Name\":\"log-flow\",\"Stages\":[\"log-stage\"]}")));
        Machine machine = client.create(new Machine(json("{\"Name\":\"log-machine\",\"Workflow\":\"log-flow\"}")));
        String ask = "{\"Machine\":\"" + machine.uuid() + "\",\"Context\":\"\"}";
        String jobUuid = DrpJson.read(sandbox.send("POST", "jobs", "application/json", ask.getBytes()).body())
                .path("Uuid").asText();
        assertEquals("log-task", client.get(DrpType.JOBS, jobUuid).orElseThrow().task());

        JobLogChunk header = client.jobLog(jobUuid, 0);
        assertEquals("Log for Job: " + jobUuid + "\n", header.text());
        assertEquals(client.jobLog(jobUuid, header.nextOffset()), new JobLogChunk("", header.nextOffset()),
                "nothing new yet");

        byte[] cafe = "café".getBytes(StandardCharsets.UTF_8);
        appendLog(jobUuid, java.util.Arrays.copyOf(cafe, cafe.length - 1)); // ends inside the é
        JobLogChunk partial = client.jobLog(jobUuid, header.nextOffset());
        assertEquals("caf", partial.text());
        appendLog(jobUuid, new byte[] {cafe[cafe.length - 1], '\n'});
        JobLogChunk rest = client.jobLog(jobUuid, partial.nextOffset());
        assertEquals("é\n", rest.text());
        assertEquals(header.nextOffset() + cafe.length + 1, rest.nextOffset());
    }

    private static void appendLog(String jobUuid, byte[] bytes) {
        assertEquals(204, sandbox.send("PUT", "jobs/" + jobUuid + "/log", "application/octet-stream", bytes)
                .statusCode());
    }

    @Test
    void filesUploadDownloadAndHashWithProgress() throws Exception {
        byte[] content = new byte[300_000];
        new java.util.Random(7).nextBytes(content);
        Path source = Files.write(work.resolve("upload.bin"), content);
        List<long[]> progress = new CopyOnWriteArrayList<>();
        StoredFile stored = client.uploadFile("contexts/docker-context/test image", source,
                (done, total) -> progress.add(new long[] {done, total}));
        assertEquals(content.length, stored.size());
        assertEquals("/contexts/docker-context/test image", stored.path());
        assertEquals(content.length, progress.get(progress.size() - 1)[0]);
        assertTrue(progress.size() > 2, "progress is reported along the way");

        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        assertEquals(Optional.of(sha), client.fileSha256("contexts/docker-context/test image"));
        assertEquals(List.of("test image"), client.listFiles("/contexts/docker-context"));

        Path target = work.resolve("download.bin");
        List<Long> downloaded = new CopyOnWriteArrayList<>();
        client.downloadFile("/contexts/docker-context/test image", target, (done, total) -> downloaded.add(done));
        assertArrayEquals(content, Files.readAllBytes(target));
        assertEquals(content.length, downloaded.get(downloaded.size() - 1));

        client.deleteFile("contexts/docker-context/test image");
        assertEquals(Optional.empty(), client.fileSha256("contexts/docker-context/test image"));
        assertTrue(assertThrows(DrpApiException.class, () -> client.downloadFile("nothing/here", target,
                TransferProgress.NONE)).isNotFound());
    }

    @Test
    void pluginProvidersListTheBuiltInEngineAndAcceptUploads() throws Exception {
        assertTrue(client.pluginProviders().stream().anyMatch(p -> p.name().equals(DrpContext.DOCKER_CONTEXT)));
        Path binary = Files.write(work.resolve("provider"), new byte[] {1, 2, 3, 4});
        assertEquals(new StoredFile("client-test-provider", 4), client.uploadPluginProvider("client-test-provider",
                binary, TransferProgress.NONE));
        assertTrue(client.pluginProviders().stream().anyMatch(p -> p.name().equals("client-test-provider")));
    }

    @Test
    void contentPacksAreCreatedReplacedListedAndRemoved() throws Exception {
        ObjectNode pack = json("{\"meta\":{\"Name\":\"client-pack\",\"Version\":\"v1.0\",\"Description\":\"t\"},"
                + "\"sections\":{\"tasks\":{\"pack-task\":{\"Name\":\"pack-task\",\"Description\":\"one\"}}}}");
        assertEquals("client-pack", client.putContent(pack).name());
        assertEquals("one", client.get(DrpType.TASKS, "pack-task").orElseThrow().description());
        ((ObjectNode) pack.path("meta")).put("Version", "v1.1");
        ((ObjectNode) pack.path("sections").path("tasks").path("pack-task")).put("Description", "two");
        assertEquals("v1.1", client.putContent(pack).version(), "an installed pack is replaced");
        assertEquals("two", client.get(DrpType.TASKS, "pack-task").orElseThrow().description());
        assertTrue(client.contents().stream().anyMatch(c -> c.name().equals("client-pack")));
        client.deleteContent("client-pack");
        assertFalse(client.contents().stream().anyMatch(c -> c.name().equals("client-pack")));
        assertEquals(Optional.empty(), client.get(DrpType.TASKS, "pack-task"));
    }
}
