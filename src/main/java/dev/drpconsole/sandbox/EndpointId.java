package dev.drpconsole.sandbox;

import dev.drpconsole.sandbox.auth.Secrets;
import dev.drpconsole.sandbox.store.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This sandbox's identity, generated once per data dir: reported as {@code id} in info and put on every runner
 * container, so a restarted sandbox recognizes its own containers and leaves other sandboxes' alone.
 */
final class EndpointId {

    static final String FILE_NAME = "endpoint-id";

    private EndpointId() {
    }

    static String keptIn(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE_NAME);
        if (Files.isRegularFile(file)) {
            String kept = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (!kept.isEmpty()) {
                return kept;
            }
        }
        String id = "sandbox-" + Secrets.text(10).toLowerCase().replace('_', 'x').replace('-', 'y');
        AtomicFiles.write(file, (id + "\n").getBytes(StandardCharsets.UTF_8));
        return id;
    }
}
