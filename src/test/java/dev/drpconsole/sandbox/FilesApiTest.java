package dev.drpconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drpconsole.testsupport.SandboxEndpoint;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** §3.12 files and §3.8 plugin providers, over HTTP and with the real drpcli. */
@Tag("engine")
@Tag("sandbox")
class FilesApiTest {

    @RegisterExtension
    static final SandboxEndpoint SANDBOX = new SandboxEndpoint();
    @TempDir
    static Path work;
    static SandboxApi api;

    @BeforeAll
    static void start() {
        api = SandboxApi.forServer(SANDBOX.server());
    }

    private static SandboxApi.Reply upload(String path, byte[] content) {
        return api.send("POST", "files/" + path, "application/octet-stream", content);
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    @Test
    void uploadDownloadSumListAndDelete() throws Exception {
        byte[] content = "runner image bytes".getBytes(StandardCharsets.UTF_8);
        SandboxApi.Reply uploaded = upload("contexts/docker-context/runner:1", content);
        assertEquals(201, uploaded.status(), uploaded::toString);
        assertEquals("/contexts/docker-context/runner:1", uploaded.json().path("Path").asText());
        assertEquals(content.length, uploaded.json().path("Size").asInt());

        SandboxApi.Reply download = api.get("files/contexts/docker-context/runner:1");
        assertEquals(200, download.status());
        assertEquals("application/octet-stream", download.header("Content-Type"));
        assertArrayEquals(content, download.bytes());

        SandboxApi.Reply head = api.head("files/contexts/docker-context/runner:1");
        assertEquals(200, head.status());
        assertEquals(sha256(content), head.header("X-DRP-SHA256SUM"));
        assertEquals(304, api.send("GET", "files/contexts/docker-context/runner:1", null, null, "If-None-Match",
                "\"SHA256:" + sha256(content) + "\"").status());

        assertEquals("[\"docker-context/\"]", api.get("files?path=/contexts").text());
        assertEquals("[\"runner:1\"]", api.get("files?path=contexts/docker-context").text());
        assertTrue(api.get("files?all=true").text().contains("contexts/docker-context/runner:1"));

        SandboxApi.Reply deleted = api.delete("files/contexts/docker-context/runner:1");
        assertEquals(204, deleted.status());
        assertEquals("application/json", deleted.header("Content-Type"));
        assertEquals(404, api.get("files/contexts/docker-context/runner:1").status());
    }

    @Test
    void aClientThatAcceptsGzipStillGetsTheWholeFile() throws Exception {
        byte[] content = "a line of a docker save tar that compresses well\n".repeat(2000)
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(201, upload("gzip-check/big.tar", content).status());

        SandboxApi.Reply download = api.send("GET", "files/gzip-check/big.tar", null, null,
                "Accept-Encoding", "gzip");

        assertEquals(200, download.status());
        assertEquals(null, download.header("Content-Encoding"));
        assertEquals(Integer.toString(content.length), download.header("Content-Length"));
        assertArrayEquals(content, download.bytes());
    }

    @Test
    void errorsAnswerDrpsWay() {
        SandboxApi.Reply missing = api.get("files/nothing/here");
        assertEquals(404, missing.status());
        assertEquals("Not a regular file", missing.json().path("Messages").get(0).asText());
        assertEquals(404, api.delete("files/nothing/here").status());
        assertEquals("Unable to delete nothing/here", api.delete("files/nothing/here").json().path("Messages")
                .get(0).asText());
        assertEquals(404, api.get("files?path=/nowhere").status());

        upload("plain", new byte[] {1});
        SandboxApi.Reply conflict = upload("plain/below", new byte[] {2});
        assertEquals(409, conflict.status());
        assertEquals("Failed to ensure final directory for plain/below exists",
                conflict.json().path("Messages").get(0).asText());

        SandboxApi.Reply wrongType = api.send("POST", "files/typed", "text/plain", new byte[] {3});
        assertEquals(415, wrongType.status());
        assertEquals(415, wrongType.json().path("Code").asInt());
        assertEquals(400, api.send("POST", "files/../../escape", "application/octet-stream", new byte[] {4})
                .status());
    }

    @Test
    void multipartUploadsTakeTheFileField() {
        String boundary = "sandboxboundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.txt\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\nmultipart content\r\n--" + boundary + "--\r\n";
        SandboxApi.Reply reply = api.send("POST", "files/multi/x.txt", "multipart/form-data; boundary=" + boundary,
                body.getBytes(StandardCharsets.UTF_8));
        assertEquals(201, reply.status(), reply::toString);
        assertEquals("multipart content", api.get("files/multi/x.txt").text());
    }

    @Test
    void drpcliUploadsListsAndDownloadsFiles() throws Exception {
        Drpcli drpcli = new Drpcli(SANDBOX.server(), work.resolve("tokens"));
        Path source = work.resolve("source.txt");
        Files.writeString(source, "from drpcli\n");
        drpcli.run("files", "upload", source.toString(), "as", "cli/source.txt").ok();
        assertTrue(drpcli.run("files", "list", "cli").ok().out().contains("source.txt"));
        Path copy = work.resolve("copy.txt");
        drpcli.run("files", "download", "cli/source.txt", "to", copy.toString()).ok();
        assertEquals("from drpcli\n", Files.readString(copy));
        drpcli.run("files", "destroy", "cli/source.txt").ok();
    }

    @Test
    void pluginProvidersListTheBuiltInDockerContextAndKeepUploads() {
        JsonNode providers = api.get("plugin_providers").json();
        assertEquals("docker-context", providers.get(0).path("Name").asText());
        assertTrue(providers.get(0).path("AvailableActions").toString().contains("agentStart"));
        assertEquals("docker-context", api.get("plugins/docker-context").json().path("Provider").asText());

        SandboxApi.Reply uploaded = api.send("POST", "plugin_providers/incrementer", "application/octet-stream",
                new byte[] {0x7f, 'E', 'L', 'F'});
        assertEquals(201, uploaded.status(), uploaded::toString);
        assertEquals("incrementer", uploaded.json().path("path").asText());
        assertEquals(4, uploaded.json().path("size").asInt());
        assertEquals(200, api.head("plugin_providers/incrementer").status());
        assertArrayEquals(new byte[] {0x7f, 'E', 'L', 'F'}, api.get("plugin_providers/incrementer/binary").bytes());
        assertEquals(204, api.delete("plugin_providers/incrementer").status());
        assertEquals(404, api.head("plugin_providers/incrementer").status());

        assertEquals(415, api.send("POST", "plugin_providers/typed", "application/json", new byte[] {'{', '}'})
                .status());
        assertEquals(422, api.delete("plugin_providers/docker-context").status());
        assertEquals(201, api.send("POST", "plugin_providers/docker-context", "application/octet-stream",
                new byte[] {1, 2}).status(), "uploading the real plugin keeps the built-in engine");
    }
}
