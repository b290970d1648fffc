package dev.drpconsole.core.connection;

import java.util.Optional;
import java.util.function.Supplier;

/** Chooses the real vault on first use, so building the console's services never waits for a keyring probe. */
final class PreferredTokenVault implements TokenVault {
    private final Supplier<TokenVault> chooser;
    private TokenVault chosen;

    PreferredTokenVault(Supplier<TokenVault> chooser) {
        this.chooser = chooser;
    }

    private synchronized TokenVault vault() {
        if (chosen == null) {
            chosen = chooser.get();
        }
        return chosen;
    }

    @Override
    public Optional<IssuedToken> read(String profileId) {
        return vault().read(profileId);
    }

    @Override
    public void store(String profileId, IssuedToken token) {
        vault().store(profileId, token);
    }

    @Override
    public void remove(String profileId) {
        vault().remove(profileId);
    }

    @Override
    public String whereKept() {
        return vault().whereKept();
    }
}
