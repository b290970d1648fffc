package dev.drpconsole.core.connection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.core.drp.CertificatePins;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The console's trust-on-first-use pins: the certificate fingerprint the user accepted for each {@code host:port},
 * in {@code certificate-pins.json} ({@code 0600}) in the settings directory. Not secret, but whoever can change it
 * can make the console trust another server, so only its owner may write it. Lookups come from memory (the
 * client asks during each TLS handshake); {@link #pin} writes through at once.
 */
public final class FileCertificatePins implements CertificatePins {
    static final String FILE_NAME = "certificate-pins.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Map<String, String> pins = new LinkedHashMap<>();

    private FileCertificatePins(Path file) {
        this.file = file;
    }

    /** Reads the pins kept in {@code settingsDir}; a missing or damaged file gives none (the user is asked again). */
    public static FileCertificatePins load(Path settingsDir) {
        FileCertificatePins store = new FileCertificatePins(settingsDir.resolve(FILE_NAME));
        if (Files.isRegularFile(store.file)) {
            try {
                JsonNode node = JSON.readTree(store.file.toFile());
                node.fields().forEachRemaining(pin -> store.pins.put(pin.getKey(), pin.getValue().asText()));
            } catch (IOException damaged) {
                store.pins.clear();
            }
        }
        return store;
    }

    @Override
    public synchronized Optional<String> pinned(String hostPort) {
        return Optional.ofNullable(pins.get(hostPort));
    }

    /**
     * @throws UncheckedIOException when the pin cannot be written: the user must know their decision did not stick
     */
    @Override
    public synchronized void pin(String hostPort, String sha256) {
        pins.put(hostPort, sha256);
        ObjectNode all = JSON.createObjectNode();
        pins.forEach(all::put);
        try {
            Files.createDirectories(file.getParent());
            PrivateFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(all));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remember the certificate in " + file, e);
        }
    }
}
