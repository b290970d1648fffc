package dev.drpconsole.sandbox.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.sandbox.store.ObjectStore;
import java.util.Arrays;
import java.util.Optional;

/**
 * What a user's roles allow. DRP's {@code Role} is {@code {Name, Claims: [{scope, action, specific}]}} and a
 * {@code User} lists role names in {@code Roles} (P:models/role.go {@code Claim}, {@code Role}; P:models/user.go).
 * A claim's scope and action are "*" or comma-separated lists ("contexts", "list, get"), its specific "*" or one
 * key. Every user may also get themself, change their password and get a token for themself (P:doc/arch/auth.rst
 * "User"). Kept small: DRP's JSON-pointer specifics and token-narrowing claims are not modelled.
 */
public final class RoleClaims {

    /** DRP's default role: the single claim {*, *, *}. The admin user holds it. */
    public static final String SUPERUSER = "superuser";

    private final ObjectStore store;

    public RoleClaims(ObjectStore store) {
        this.store = store;
    }

    /** Whether {@code user} holds a claim covering {@code scope action specific}. */
    public boolean allows(String user, String scope, String action, String specific) {
        if ("users".equals(scope) && user.equals(specific)
                && ("get".equals(action) || "password".equals(action) || "token".equals(action))) {
            return true;
        }
        Optional<ObjectNode> found = store.get("users", user);
        if (found.isEmpty()) {
            return false;
        }
        for (JsonNode roleName : found.get().path("Roles")) {
            Optional<ObjectNode> role = store.get("roles", roleName.asText());
            if (role.isPresent()) {
                for (JsonNode claim : role.get().path("Claims")) {
                    if (covers(claim.path("scope").asText(), scope) && covers(claim.path("action").asText(), action)
                            && ("*".equals(claim.path("specific").asText())
                            || specific.equals(claim.path("specific").asText()))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean covers(String list, String wanted) {
        return Arrays.stream(list.split(",")).map(String::strip).anyMatch(item -> "*".equals(item)
                || item.equals(wanted));
    }
}
