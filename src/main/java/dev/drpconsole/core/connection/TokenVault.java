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

    /**
     * Where tokens are kept, in words for the user ("the system keyring", "a private file, …, because the system
     * keyring could not be used (…)"): after a store, where that token went.
     */
    String whereKept();

    /**
     * The system keyring when it works here (Linux: {@code secret-tool} on a live D-Bus session), else a
     * {@code 0600} file under {@code settingsDir/secrets}; also the file when the keyring refuses a token (locked).
     * The keyring is probed on first use, off the caller's thread of construction, because that starts a process.
     *
     * @param env the environment {@code secret-tool} runs with: it names the session bus ({@code System.getenv()}
     *            in the console)
     */
    static TokenVault preferred(Path settingsDir, Map<String, String> env) {
        return new PreferredTokenVault(() -> SecretToolTokenVault.open(env),
                new FileTokenVault(settingsDir.resolve("secrets")));
    }
}
