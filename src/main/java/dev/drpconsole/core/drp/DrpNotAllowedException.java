package dev.drpconsole.core.drp;

import java.util.List;
import java.util.Optional;

/**
 * 403 with DRP's {@code AUTH} error naming a claim ({@code "Cannot access <path>"}, {@code "Requires: <scope>
 * <action> <specific>"}) on a request whose token still works: the user's roles do not allow this change. The
 * connection stays signed in; signing in again would not help, so the client neither renews nor retries (v3 code:
 * frontend/frontend.go {@code assureAuth}; real-drp-differences C.11). The message is the sentence a user reads.
 */
public class DrpNotAllowedException extends DrpApiException {
    private static final String REQUIRES = "Requires:";

    public DrpNotAllowedException(int code, String model, String key, List<String> messages) {
        super(describe(messages), code, model, key, "AUTH", messages);
    }

    /** Whether DRP's AUTH messages say a claim is missing (rather than "Validation failed" for a dead token). */
    static boolean namesAClaim(List<String> messages) {
        return messages.stream().anyMatch(m -> m.startsWith(REQUIRES) || m.startsWith("Cannot access"));
    }

    /** The missing claim as DRP wrote it, e.g. {@code "contexts delete runner"}; empty when DRP did not say. */
    public Optional<String> requiredClaim() {
        return requiredClaim(messages());
    }

    private static Optional<String> requiredClaim(List<String> messages) {
        return messages.stream().filter(m -> m.startsWith(REQUIRES)).map(m -> m.substring(REQUIRES.length()).strip())
                .filter(claim -> !claim.isEmpty()).findFirst();
    }

    private static String describe(List<String> messages) {
        String lacks = requiredClaim(messages).map(claim -> "your role lacks " + claim)
                .orElse("your role does not allow this");
        return "Not allowed: " + lacks + " (DRP said: " + String.join("; ", messages) + ")";
    }
}
