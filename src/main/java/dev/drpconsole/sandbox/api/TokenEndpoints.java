package dev.drpconsole.sandbox.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.sandbox.ApiException;
import dev.drpconsole.sandbox.SandboxJson;
import dev.drpconsole.sandbox.auth.Authenticator;
import dev.drpconsole.sandbox.auth.Principal;
import dev.drpconsole.sandbox.auth.TokenLifetime;
import dev.drpconsole.sandbox.objects.ObjectService;
import java.time.Duration;

/**
 * {@code GET /users/<name>/token?ttl=} and {@code GET /machines/<uuid>/token?ttl=}: a {@code UserToken},
 * {@code {"Token": ..., "Info": {...}}}. A machine token is what a runner container gets as RS_TOKEN.
 */
public final class TokenEndpoints implements ApiSection {

    private final ObjectService objects;
    private final Authenticator authenticator;
    private final InfoEndpoint info;

    public TokenEndpoints(ObjectService objects, Authenticator authenticator, InfoEndpoint info) {
        this.objects = objects;
        this.authenticator = authenticator;
        this.info = info;
    }

    @Override
    public void handle(ApiExchange exchange) {
        String prefix = exchange.segment(0);
        if (exchange.size() != 3 || !"GET".equals(exchange.method())
                || !("users".equals(prefix) || "machines".equals(prefix))) {
            throw ApiRoutes.noRoute(exchange);
        }
        ObjectNode owner = objects.get("GET", prefix, exchange.segment(1));
        String key = objects.kind(prefix).keyOf(owner);
        Principal subject = "users".equals(prefix) ? Principal.user(key) : Principal.machine(key);
        Principal caller = exchange.principal();
        if (caller.isMachine() && !caller.equals(subject)) {
            throw new ApiException(403, "AUTH", prefix, key, "Cannot access " + exchange.path());
        }
        Duration lifetime;
        try {
            lifetime = TokenLifetime.parse(exchange.query("ttl"));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("GET", prefix, key, e.getMessage());
        }
        ObjectNode token = SandboxJson.object();
        token.put("Token", authenticator.issueToken(subject, lifetime));
        token.set("Info", info.info());
        exchange.replyJson(200, token);
    }
}
