package dev.drpconsole.sandbox.auth;

import dev.drpconsole.sandbox.store.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * The password of the admin user {@value #ADMIN_USER}: given on the command line, or generated on first start and
 * kept in the data dir readable by the owner only, so the console can connect to its own sandbox without asking.
 *
 * @param password  the password
 * @param generated whether this start generated it (it is then shown to the user once)
 * @param file      where it is kept; null when given on the command line and not stored
 */
public record AdminPassword(String password, boolean generated, Path file) {

    public static final String ADMIN_USER = "rocketskates";
    public static final String FILE_NAME = "admin-password";

    @Override
    public String toString() {
        return "AdminPassword[file=" + file + ", generated=" + generated + "]";
    }

    /** The password given explicitly; nothing is written. */
    public static AdminPassword given(String password) {
        return new AdminPassword(password, false, null);
    }

    /** The password kept in the data dir, generating and storing one (0600) on first start. */
    public static AdminPassword keptIn(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE_NAME);
        if (Files.isRegularFile(file)) {
            String kept = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (!kept.isEmpty()) {
                return new AdminPassword(kept, false, file);
            }
        }
        String password = Secrets.text(20);
        AtomicFiles.writePrivate(file, (password + "\n").getBytes(StandardCharsets.UTF_8));
        return new AdminPassword(password, true, file);
    }

    /** Compares in constant time, so response timing does not leak the password. */
    public boolean matches(String candidate) {
        return MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8),
                candidate.getBytes(StandardCharsets.UTF_8));
    }
}
