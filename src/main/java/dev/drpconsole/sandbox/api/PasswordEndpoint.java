package dev.drpconsole.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.sandbox.ApiException;
import dev.drpconsole.sandbox.auth.Secrets;
import dev.drpconsole.sandbox.auth.UserPasswords;
import dev.drpconsole.sandbox.objects.ObjectService;

/**
 * {@code PUT /users/<name>/password} with DRP's {@code UserPassword} body, {@code {"Password": "..."}}
 * (P:models/user.go {@code UserPassword}; P:cli/user.go {@code drpcli users password NAME PASSWORD}): sets the
 * hash and answers with the user, as the Go client reads it. This is how a non-admin user gets a password. As on a
 * real endpoint the user also gets a new {@code Secret}, which revokes every token issued to them before (P:models/
 * user.go {@code ChangePassword}: "When a user changes their password, invalidate any previous cached auth tokens").
 */
public final class PasswordEndpoint implements ApiSection {

    private final ObjectService objects;

    public PasswordEndpoint(ObjectService objects) {
        this.objects = objects;
    }

    @Override
    public void handle(ApiExchange exchange) {
        if (exchange.size() != 3 || !"users".equals(exchange.segment(0))) {
            throw ApiRoutes.noRoute(exchange);
        }
        if (!"PUT".equals(exchange.method())) {
            throw ApiRoutes.methodNotAllowed(exchange);
        }
        ObjectNode before = objects.get("PUT", "users", exchange.segment(1));
        String key = objects.kind("users").keyOf(before);
        JsonNode body = exchange.jsonBody("users", key);
        String password = body.path("Password").asText("");
        if (password.isEmpty()) {
            throw ApiException.badRequest("PUT", "users", key, "Password must not be empty");
        }
        ObjectNode after = before.deepCopy();
        after.put("PasswordHash", UserPasswords.hash(password));
        after.put("Secret", Secrets.text(16));
        exchange.replyJson(200, objects.presented("users", objects.save("users", before, after)));
    }
}
