package dev.drpconsole.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.sandbox.ApiException;
import dev.drpconsole.sandbox.objects.JsonPatch;
import dev.drpconsole.sandbox.objects.JsonPatchException;
import dev.drpconsole.sandbox.objects.ObjectService;
import java.util.List;

/**
 * {@code GET|PATCH /meta/<prefix>/<key>}: an object's Meta map alone (drpcli's {@code meta} commands). A patch
 * applies to the map and the object is stored through the usual rules, so events and validation are the same as
 * for any update.
 */
public final class MetaEndpoints implements ApiSection {

    private final ObjectService objects;

    public MetaEndpoints(ObjectService objects) {
        this.objects = objects;
    }

    @Override
    public void handle(ApiExchange exchange) {
        if (exchange.size() < 3) {
            throw ApiRoutes.noRoute(exchange);
        }
        String prefix = exchange.segment(1);
        String key = exchange.rest(2);
        objects.kind(prefix);
        switch (exchange.method()) {
            case "GET" -> exchange.replyJson(200, objects.get("GET", prefix, key).path("Meta"));
            case "PATCH" -> {
                JsonPatch patch = ObjectEndpoints.patchOf(exchange, prefix, key);
                // Read and written as one change under the store's write lock: two patches of one object's Meta
                // at once must not undo each other's acknowledged change.
                objects.store().write(() -> {
                    patchMeta(exchange, prefix, key, patch);
                    return null;
                });
            }
            default -> throw ApiRoutes.methodNotAllowed(exchange);
        }
    }

    private void patchMeta(ApiExchange exchange, String prefix, String key, JsonPatch patch) {
        ObjectNode owner = objects.get("PATCH", prefix, key);
        JsonNode meta;
        try {
            meta = patch.applyTo(owner.path("Meta"));
        } catch (JsonPatchException e) {
            throw new ApiException(409, "PATCH", prefix, key, List.of("Patch error at line " + e.line()
                    + ": " + e.getMessage()));
        }
        ObjectNode changed = owner.deepCopy();
        changed.set("Meta", meta);
        exchange.replyJson(200, objects.replace(prefix, key, changed, exchange.writeOptions()).path("Meta"));
    }
}
