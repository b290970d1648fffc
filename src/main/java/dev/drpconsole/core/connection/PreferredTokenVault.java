package dev.drpconsole.core.connection;

import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * The system keyring when it keeps the token, else a private file, and the words to tell the user which one (and
 * why not the keyring). The keyring is probed on first use, so building the console's services never waits for it.
 * A keyring that is there but refuses to store (a locked collection) sends the token to the file too; reads look in
 * both, so a token that went to the file is still found on the next start, and a token the keyring took is removed
 * from the file, so it is never in both.
 */
final class PreferredTokenVault implements TokenVault {
    /** Opens the keyring or says why it cannot be used. */
    interface KeyringOpener {
        SecretToolTokenVault open() throws KeyringUnavailableException;
    }

    private final KeyringOpener opener;
    private final FileTokenVault file;
    private boolean probed;
    private SecretToolTokenVault keyring;
    private String keyringProblem;
    private String whereKept;

    PreferredTokenVault(KeyringOpener opener, FileTokenVault file) {
        this.opener = opener;
        this.file = file;
    }

    private synchronized Optional<SecretToolTokenVault> keyring() {
        if (!probed) {
            probed = true;
            try {
                keyring = opener.open();
            } catch (KeyringUnavailableException e) {
                keyringNotUsed(e);
            }
        }
        return Optional.ofNullable(keyring);
    }

    @Override
    public Optional<IssuedToken> read(String profileId) {
        return keyring().flatMap(vault -> vault.read(profileId)).or(() -> file.read(profileId));
    }

    @Override
    public synchronized void store(String profileId, IssuedToken token) {
        Optional<SecretToolTokenVault> vault = keyring();
        if (vault.isPresent()) {
            try {
                vault.get().storeOrFail(profileId, token);
                file.remove(profileId);
                whereKept = vault.get().whereKept();
                return;
            } catch (KeyringUnavailableException e) {
                keyringNotUsed(e);
            }
        }
        file.store(profileId, token);
        whereKept = file.whereKept() + ", because the system keyring could not be used (" + keyringProblem + ")";
    }

    @Override
    public void remove(String profileId) {
        keyring().ifPresent(vault -> vault.remove(profileId));
        file.remove(profileId);
    }

    @Override
    public synchronized String whereKept() {
        if (whereKept != null) {
            return whereKept;
        }
        return keyring().map(SecretToolTokenVault::whereKept).orElseGet(() -> file.whereKept()
                + ", because the system keyring could not be used (" + keyringProblem + ")");
    }

    /** Logged once per reason: the user reads it where the sign-in is reported, via {@link #whereKept()}. */
    private void keyringNotUsed(KeyringUnavailableException e) {
        if (!e.getMessage().equals(keyringProblem)) {
            LoggerFactory.getLogger(PreferredTokenVault.class).warn(
                    "The system keyring could not be used ({}): sign-ins are kept in {}", e.getMessage(),
                    file.whereKept());
        }
        keyringProblem = e.getMessage();
    }
}
