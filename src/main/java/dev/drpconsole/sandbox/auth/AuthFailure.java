package dev.drpconsole.sandbox.auth;

import dev.drpconsole.sandbox.ApiException;
import java.util.Optional;

/**
 * A request that could not be authenticated, answered as DRP does: 401 with an empty body and
 * {@code WWW-Authenticate: dr-provision} when credentials are missing or malformed; 403 with an empty body for
 * bad credentials; 403 with an AUTH error body when a well-formed token no longer validates.
 */
public final class AuthFailure extends RuntimeException {

    private final int status;
    private final ApiException body;

    private AuthFailure(int status, String reason, ApiException body) {
        super(reason);
        this.status = status;
        this.body = body;
    }

    public static AuthFailure missing(String reason) {
        return new AuthFailure(401, reason, null);
    }

    public static AuthFailure rejected(String reason) {
        return new AuthFailure(403, reason, null);
    }

    public static AuthFailure validationFailed(String reason) {
        return new AuthFailure(403, reason, new ApiException(403, "AUTH", "", "", "Validation failed"));
    }

    public int status() {
        return status;
    }

    /** The error body to send; empty for the failures DRP answers without one. */
    public Optional<ApiException> body() {
        return Optional.ofNullable(body);
    }
}
