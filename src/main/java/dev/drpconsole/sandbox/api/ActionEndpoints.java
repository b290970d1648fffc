package dev.drpconsole.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.sandbox.ApiException;
import dev.drpconsole.sandbox.SandboxJson;
import dev.drpconsole.sandbox.actions.PluginActions;
import dev.drpconsole.sandbox.objects.ObjectService;

/**
 * Plugin actions (§6.2): {@code GET|POST /plugins/<plugin>/actions[/<command>]} for plugin-level actions and
 * {@code GET|POST /machines/<uuid>/actions[/<command>][?plugin=]} for machine actions. The POST body is a JSON map
 * of the action's params.
 */
public final class ActionEndpoints implements ApiSection {

    private final ObjectService objects;
    private final PluginActions actions;

    public ActionEndpoints(ObjectService objects, PluginActions actions) {
        this.objects = objects;
        this.actions = actions;
    }

    @Override
    public void handle(ApiExchange exchange) {
        String prefix = exchange.segment(0);
        if (!"plugins".equals(prefix) && !"machines".equals(prefix) || exchange.size() > 4) {
            throw ApiRoutes.noRoute(exchange);
        }
        ObjectNode owner = objects.get(exchange.method(), prefix, exchange.segment(1));
        boolean machineLevel = "machines".equals(prefix);
        String model = machineLevel ? "machines" : "";
        String plugin = machineLevel ? nonNull(exchange.query("plugin")) : SandboxJson.string(owner, "Name");
        if (exchange.size() == 3) {
            exchange.replyJson(200, available(model, plugin));
            return;
        }
        String command = exchange.segment(3);
        switch (exchange.method()) {
            case "GET" -> {
                for (JsonNode action : available(model, plugin)) {
                    if (command.equals(action.path("Command").asText())) {
                        exchange.replyJson(200, action);
                        return;
                    }
                }
                throw ApiException.notFound("GET", prefix, command);
            }
            case "POST" -> {
                JsonNode body = exchange.contentType().isEmpty() ? SandboxJson.object()
                        : exchange.jsonBody(prefix, command);
                ObjectNode params = body instanceof ObjectNode map ? map : SandboxJson.object();
                exchange.replyJson(200, actions.run(plugin, model, command, machineLevel ? owner : null, params));
            }
            default -> throw ApiRoutes.methodNotAllowed(exchange);
        }
    }

    private ArrayNode available(String model, String plugin) {
        ArrayNode all = actions.describe(model);
        ArrayNode matching = SandboxJson.array();
        all.forEach(action -> {
            if (plugin.isEmpty() || plugin.equals(action.path("Provider").asText())) {
                matching.add(action);
            }
        });
        return matching;
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
