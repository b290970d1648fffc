package dev.drpconsole.core.drp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;

/**
 * Pins kept in {@code certificate-pins.properties} in a directory ({@code host:port = fingerprint}). The file is
 * written whole to a temporary file and moved into place, readable by the owner only: a pin decides which server
 * the console trusts, so no one else may change it.
 */
public final class FileCertificatePins implements CertificatePins {
    static final String FILE_NAME = "certificate-pins.properties";

    private final Path file;

    public FileCertificatePins(Path directory) {
        this.file = directory.resolve(FILE_NAME);
    }

    @Override
    public synchronized Optional<String> pinned(String hostPort) {
        return Optional.ofNullable(load().getProperty(hostPort));
    }

    @Override
    public synchronized void pin(String hostPort, String sha256) {
        Properties pins = load();
        pins.setProperty(hostPort, sha256);
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), ".pins-", ".tmp");
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            }
            try (OutputStream out = Files.newOutputStream(temporary)) {
                pins.store(out, "Certificate SHA-256 fingerprints the user trusted, by host:port");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the trusted certificate in " + file + ": " + e.getMessage(), e);
        }
    }

    private Properties load() {
        Properties pins = new Properties();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                pins.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the trusted certificates in " + file + ": "
                        + e.getMessage(), e);
            }
        }
        return pins;
    }
}
