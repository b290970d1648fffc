package dev.drpconsole.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.sandbox.ApiException;
import dev.drpconsole.sandbox.objects.JsonPatch;
import dev.drpconsole.sandbox.objects.JsonPatchException;
import dev.drpconsole.sandbox.objects.ObjectService;
import dev.drpconsole.sandbox.params.ParamResolver;
import java.util.List;
import java.util.Set;

/**
 * {@code /<prefix>/<key>/params[/<name>]} for objects with Params (machines, profiles, stages, plugins): read the
 * map or one value ({@code ?aggregate=true} includes profiles, stage, global and defaults), replace the map
 * (POST), patch it (PATCH), set one value (POST .../name) and remove one (DELETE .../name). A param that is not
 * set reads as {@code null}, which agents rely on when probing optional params such as {@code runner-tmpdir}.
 */
public final class ParamsEndpoints implements ApiSection {

    private static final Set<String> WITH_PARAMS = Set.of("machines", "profiles", "stages", "plugins");

    private final ObjectService objects;
    private final ParamResolver resolver;

    public ParamsEndpoints(ObjectService objects, ParamResolver resolver) {
        this.objects = objects;
        this.resolver = resolver;
    }

    @Override
    public void handle(ApiExchange exchange) {
        String prefix = exchange.segment(0);
        if (!WITH_PARAMS.contains(prefix)) {
            throw ApiRoutes.noRoute(exchange);
        }
        String key = exchange.segment(1);
        String name = exchange.rest(3);
        boolean withBody = Set.of("POST", "PUT", "PATCH").contains(exchange.method());
        if (!withBody && !"DELETE".equals(exchange.method())) {
            answer(exchange, prefix, key, name, null); // reads, and 405s
            return;
        }
        // The body is read first, then the owner is read and its changed Params written as one change under the
        // store's write lock: callers setting different params of one object at once must not undo each other's
        // acknowledged values (each wrote its change into the owner it had read before the other's write).
        JsonNode body = withBody ? exchange.jsonBody(prefix, key) : null;
        objects.store().write(() -> {
            answer(exchange, prefix, key, name, body);
            return null;
        });
    }

    private void answer(ApiExchange exchange, String prefix, String key, String name, JsonNode body) {
        if (name.isEmpty()) {
            wholeMap(exchange, prefix, key, body);
        } else {
            oneValue(exchange, prefix, key, name, body);
        }
    }

    private void wholeMap(ApiExchange exchange, String prefix, String key, JsonNode body) {
        ObjectNode owner = objects.get(exchange.method(), prefix, key);
        switch (exchange.method()) {
            case "GET" -> exchange.replyJson(200, exchange.flag("aggregate") ? resolver.aggregate(owner)
                    : owner.path("Params"));
            case "POST" -> {
                JsonNode params = body;
                if (!params.isObject()) {
                    throw ApiException.badRequest("POST", prefix, key, "Params must be a JSON object");
                }
                exchange.replyJson(200, withParams(exchange, prefix, key, owner, (ObjectNode) params));
            }
            case "PATCH" -> {
                JsonPatch patch = ObjectEndpoints.patchOf(body, prefix, key);
                JsonNode patched;
                try {
                    patched = patch.applyTo(owner.path("Params"));
                } catch (JsonPatchException e) {
                    throw new ApiException(409, "PATCH", prefix, key, List.of("Patch error at line " + e.line()
                            + ": " + e.getMessage()));
                }
                exchange.replyJson(200, withParams(exchange, prefix, key, owner, (ObjectNode) patched));
            }
            default -> throw ApiRoutes.methodNotAllowed(exchange);
        }
    }

    private void oneValue(ApiExchange exchange, String prefix, String key, String name, JsonNode body) {
        ObjectNode owner = objects.get(exchange.method(), prefix, key);
        switch (exchange.method()) {
            case "GET" -> {
                JsonNode value = exchange.flag("aggregate") ? resolver.resolve(owner, name).orElse(null)
                        : owner.path("Params").get(name);
                exchange.replyJson(200, value == null ? NullNode.getInstance() : value);
            }
            case "POST", "PUT" -> {
                JsonNode value = body;
                ObjectNode params = owner.path("Params").deepCopy();
                params.set(name, value);
                withParams(exchange, prefix, key, owner, params);
                exchange.replyJson(200, value);
            }
            case "DELETE" -> {
                ObjectNode params = owner.path("Params").deepCopy();
                JsonNode removed = params.remove(name);
                withParams(exchange, prefix, key, owner, params);
                exchange.replyJson(200, removed == null ? NullNode.getInstance() : removed);
            }
            default -> throw ApiRoutes.methodNotAllowed(exchange);
        }
    }

    private ObjectNode withParams(ApiExchange exchange, String prefix, String key, ObjectNode owner,
                                  ObjectNode params) {
        ObjectNode changed = owner.deepCopy();
        changed.set("Params", params);
        return (ObjectNode) objects.replace(prefix, key, changed, exchange.writeOptions()).path("Params");
    }
}
