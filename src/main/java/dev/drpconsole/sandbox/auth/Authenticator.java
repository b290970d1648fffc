package dev.drpconsole.sandbox.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.sandbox.SandboxJson;
import dev.drpconsole.sandbox.store.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Turns a request's credentials into a {@link Principal}: {@code Authorization: Basic} or {@code Bearer}, or,
 * without that header, the {@code ?token=} query parameter (a value with ':' is user:password, anything else a
 * token), which is how browsers open the event websocket.
 *
 * <p>The admin's password is the sandbox's own; other users have the one set with
 * {@code PUT /users/<name>/password} ({@link UserPasswords}). Tokens are checked against the current {@code Secret}
 * of the user or machine they were issued to.
 */
public final class Authenticator {

    private final AdminPassword admin;
    private final TokenSigner signer;
    private final ObjectStore store;

    public Authenticator(AdminPassword admin, TokenSigner signer, ObjectStore store) {
        this.admin = admin;
        this.signer = signer;
        this.store = store;
    }

    /**
     * @throws AuthFailure when the request carries no usable credentials
     */
    public Principal authenticate(String authorization, String tokenParameter) {
        if (authorization == null || authorization.isBlank()) {
            if (tokenParameter == null || tokenParameter.isEmpty()) {
                throw AuthFailure.missing("no credentials");
            }
            return tokenParameter.contains(":") ? basic(tokenParameter) : bearer(tokenParameter);
        }
        String[] parts = authorization.trim().split("\\s+", 2);
        if (parts.length != 2) {
            throw AuthFailure.missing("malformed Authorization header");
        }
        if ("Basic".equalsIgnoreCase(parts[0])) {
            return basic(decodeBasic(parts[1]));
        }
        if ("Bearer".equalsIgnoreCase(parts[0])) {
            return bearer(parts[1]);
        }
        throw AuthFailure.missing("unknown authorization scheme");
    }

    /**
     * Who refused credentials claimed to be, for counting: the principal a well-signed token names, or the user of
     * Basic credentials; empty when they name nobody.
     */
    public Optional<Principal> claimedBy(String authorization, String tokenParameter) {
        String credentials = tokenParameter;
        boolean basic = tokenParameter != null && tokenParameter.contains(":");
        if (authorization != null && !authorization.isBlank()) {
            String[] parts = authorization.trim().split("\\s+", 2);
            if (parts.length != 2) {
                return Optional.empty();
            }
            basic = "Basic".equalsIgnoreCase(parts[0]);
            try {
                credentials = basic ? decodeBasic(parts[1]) : parts[1];
            } catch (AuthFailure malformed) {
                return Optional.empty();
            }
        }
        if (credentials == null || credentials.isEmpty()) {
            return Optional.empty();
        }
        if (basic) {
            int colon = credentials.indexOf(':');
            return colon <= 0 ? Optional.empty() : Optional.of(Principal.user(credentials.substring(0, colon)));
        }
        return signer.verify(credentials).map(TokenClaims::principal);
    }

    /** A token for a principal, valid for the lifetime and until the principal's secret changes. */
    public String issueToken(Principal principal, Duration lifetime) {
        String secret = secretOf(principal).orElseThrow(() -> new IllegalArgumentException(principal.id()
                + " does not exist"));
        return signer.issue(principal, lifetime, secret);
    }

    private static String decodeBasic(String encoded) {
        try {
            return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw AuthFailure.missing("malformed Basic credentials");
        }
    }

    private Principal basic(String userAndPassword) {
        int colon = userAndPassword.indexOf(':');
        if (colon < 0) {
            throw AuthFailure.missing("malformed Basic credentials");
        }
        String user = userAndPassword.substring(0, colon);
        String password = userAndPassword.substring(colon + 1);
        if (AdminPassword.ADMIN_USER.equals(user) ? admin.matches(password) : store.get("users", user)
                .map(found -> UserPasswords.matches(SandboxJson.string(found, "PasswordHash"), password))
                .orElse(false)) {
            return Principal.user(user);
        }
        throw AuthFailure.rejected("bad user name or password");
    }

    private Principal bearer(String token) {
        TokenClaims claims = signer.verify(token).orElseThrow(() -> AuthFailure.rejected("unreadable token"));
        Principal principal = claims.principal();
        Optional<String> secret = secretOf(principal);
        if (secret.isEmpty()) {
            throw AuthFailure.validationFailed(principal.id() + " no longer exists");
        }
        if (claims.expiresAt().isBefore(Instant.now())) {
            throw AuthFailure.validationFailed("token expired");
        }
        if (!TokenSigner.fingerprint(secret.get()).equals(claims.secretFingerprint())) {
            throw AuthFailure.validationFailed("secret changed since the token was issued");
        }
        return principal;
    }

    private Optional<String> secretOf(Principal principal) {
        String prefix = principal.isMachine() ? "machines" : "users";
        Optional<ObjectNode> object = store.get(prefix, principal.name());
        return object.map(found -> SandboxJson.string(found, "Secret"));
    }
}
