package dev.drpconsole.core.connection;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the console keeps the token each profile signed in with, so that later starts need no password.
 * Passwords never go here. Methods may block (keyring calls, file writes): call them off the FX thread.
 */
public interface TokenVault {

    Optional<IssuedToken> read(String profileId);

    void store(String profileId, IssuedToken token);

    void remove(String profileId);

    /** Where tokens are kept, in words for the user ("the system keyring", "a private file in …"). */
    String whereKept();

    /**
     * The system keyring when it works here (Linux: {@code secret-tool} on a live D-Bus session), else a
     * {@code 0600} file under {@code settingsDir/secrets}. The choice is made on first use, off the caller's thread
     * of construction, because probing the keyring starts a process.
     */
    static TokenVault preferred(Path settingsDir, Map<String, String> env) {
        return new PreferredTokenVault(() -> SecretToolTokenVault.detect(env)
                .<TokenVault>map(vault -> vault)
                .orElseGet(() -> new FileTokenVault(settingsDir.resolve("secrets"))));
    }
}
