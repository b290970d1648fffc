package dev.drpconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** State lives in the data dir: a restarted sandbox has every object and still honours earlier tokens. */
@Tag("sandbox")
class PersistenceTest {

    @TempDir
    Path dataDir;

    private SandboxServer start() throws SandboxStartException {
        return SandboxServer.start(SandboxConfig.inDataDir(dataDir).withPort(0).withoutRunners());
    }

    @Test
    void aRestartLosesNothing() throws Exception {
        String machineUuid;
        String token;
        JsonNode contextBefore;
        try (SandboxServer first = start()) {
            SandboxApi api = SandboxApi.forServer(first);
            contextBefore = api.post("contexts", "{\"Name\":\"runner\",\"Engine\":\"docker-context\",\"Image\":\"x\"}")
                    .json();
            machineUuid = api.post("machines", "{\"Name\":\"keeper\",\"Meta\":{\"BaseContext\":\"runner\"}}").json()
                    .path("Uuid").asText();
            api.patch("machines/" + machineUuid, "[{\"op\":\"replace\",\"path\":\"/Description\",\"value\":\"kept\"}]");
            api.post("contexts", "{\"Name\":\"doomed\"}");
            api.delete("contexts/doomed");
            token = api.get("machines/" + machineUuid + "/token?ttl=3y").json().path("Token").asText();
        }
        try (SandboxServer second = start()) {
            SandboxApi api = SandboxApi.forServer(second);
            assertEquals(contextBefore, api.get("contexts/runner").json());
            JsonNode machine = api.get("machines/" + machineUuid).json();
            assertEquals("kept", machine.path("Description").asText());
            assertEquals("runner", machine.path("Context").asText());
            assertEquals(404, api.get("contexts/doomed").status());
            assertEquals(200, api.withToken(token).get("machines/" + machineUuid).status(),
                    "tokens issued before the restart still work (runner containers keep theirs)");
        }
        try (Stream<Path> leftovers = Files.walk(dataDir)) {
            assertEquals(0, leftovers.filter(file -> file.getFileName().toString().contains(".tmp-")).count(),
                    "atomic writes leave no temporary files");
        }
    }

    /**
     * A sandbox killed during an upload leaves that upload's hidden part file beside the finished files. The next
     * start removes it (no upload runs before the start), so the folder can be emptied and removed like any other.
     */
    @Test
    void aStartRemovesWhatAnUploadCutByAKillLeft() throws Exception {
        try (SandboxServer first = start()) {
            assertEquals(201, SandboxApi.forServer(first).send("POST", "files/images/kept.bin",
                    "application/octet-stream", new byte[] {1, 2, 3}).status());
        }
        Files.write(dataDir.resolve("files/images/.big.tar.part"), new byte[4096]); // as the kill left it
        try (SandboxServer second = start()) {
            SandboxApi api = SandboxApi.forServer(second);
            assertEquals(204, api.delete("files/images/kept.bin").status());
            assertEquals(204, api.delete("files/images").status(), "the folder looks empty, so it can be removed");
        }
    }
}
