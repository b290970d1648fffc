package dev.drpconsole.core.connection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * Tokens in {@code tokens.json}, mode {@code 0600}, inside a {@code 0700} directory: the fallback when no system
 * keyring is available. The file is read on every call, so two console windows see each other's sign-ins.
 */
public final class FileTokenVault implements TokenVault {
    static final String FILE_NAME = "tokens.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final Path file;

    public FileTokenVault(Path dir) {
        this.dir = dir;
        this.file = dir.resolve(FILE_NAME);
    }

    @Override
    public synchronized Optional<IssuedToken> read(String profileId) {
        JsonNode entry = load().path(profileId);
        if (!entry.hasNonNull("token")) {
            return Optional.empty();
        }
        try {
            Instant expiresAt = entry.hasNonNull("expiresAt") ? Instant.parse(entry.get("expiresAt").asText()) : null;
            return Optional.of(new IssuedToken(entry.get("token").asText(), expiresAt));
        } catch (DateTimeParseException | IllegalArgumentException damaged) {
            return Optional.empty();
        }
    }

    @Override
    public synchronized void store(String profileId, IssuedToken token) {
        ObjectNode all = load();
        ObjectNode entry = all.putObject(profileId);
        entry.put("token", token.value());
        token.expiry().ifPresent(expiry -> entry.put("expiresAt", expiry.toString()));
        save(all);
    }

    @Override
    public synchronized void remove(String profileId) {
        ObjectNode all = load();
        if (all.remove(profileId) != null) {
            save(all);
        }
    }

    @Override
    public String whereKept() {
        return "a private file, " + file;
    }

    private ObjectNode load() {
        if (!Files.isRegularFile(file)) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode node = JSON.readTree(file.toFile());
            return node instanceof ObjectNode object ? object : JSON.createObjectNode();
        } catch (IOException damaged) {
            // A damaged file costs the user one password prompt, nothing more.
            return JSON.createObjectNode();
        }
    }

    private void save(ObjectNode all) {
        try {
            PrivateFiles.createPrivateDirectory(dir);
            PrivateFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(all));
        } catch (IOException e) {
            // Handled here, once: without a stored token the next start asks for the password again.
            LoggerFactory.getLogger(FileTokenVault.class).warn("Cannot keep sign-in tokens in {}: {}", file,
                    e.toString());
        }
    }
}
