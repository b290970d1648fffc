package dev.drpconsole.core.connection;

import java.time.Instant;
import java.util.Optional;

/**
 * A sign-in token the endpoint issued, kept so the next start needs no password. Never printed.
 *
 * @param expiresAt when the endpoint stops accepting it; {@code null} when the client could not tell
 */
public record IssuedToken(String value, Instant expiresAt) {

    public IssuedToken {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("a token cannot be empty");
        }
    }

    public Optional<Instant> expiry() {
        return Optional.ofNullable(expiresAt);
    }

    /** An unknown expiry counts as still valid: the endpoint will say when it is not. */
    public boolean isExpiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "IssuedToken[****, expires " + (expiresAt == null ? "unknown" : expiresAt) + "]";
    }
}
