package dev.drpconsole.sandbox.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.sandbox.ApiException;
import dev.drpconsole.sandbox.SandboxJson;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The plugin actions the sandbox can run, by plugin, model ("" for plugin level, "machines") and command. The
 * built-in docker-context engine registers imageExists, imageUpload, imageRemove, agentStart and agentStop.
 */
public final class PluginActions {

    private record Key(String plugin, String model, String command) {
    }

    private final Map<Key, PluginAction> actions = new ConcurrentHashMap<>();

    public void register(String plugin, String model, String command, PluginAction action) {
        actions.put(new Key(plugin, model, command), action);
    }

    /**
     * Finds a command, in any plugin unless one is named.
     *
     * @param plugin the plugin, or "" for any
     */
    public Optional<PluginAction> find(String plugin, String model, String command) {
        return actions.entrySet().stream()
                .filter(entry -> entry.getKey().model().equals(model) && entry.getKey().command().equals(command)
                        && (plugin.isEmpty() || entry.getKey().plugin().equals(plugin)))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    /** Runs a command; 404 when no plugin offers it. */
    public JsonNode run(String plugin, String model, String command, ObjectNode machine, ObjectNode params) {
        PluginAction action = find(plugin, model, command).orElseThrow(() -> new ApiException(404, "POST",
                model.isEmpty() ? "plugins" : model, command, "No plugin action " + command
                        + (plugin.isEmpty() ? "" : " in plugin " + plugin)));
        return action.run(machine, params);
    }

    /** The available actions of a model, as {@code GET .../actions} lists them (models.AvailableAction). */
    public ArrayNode describe(String model) {
        ArrayNode list = SandboxJson.array();
        actions.keySet().stream().filter(key -> key.model().equals(model))
                .sorted(java.util.Comparator.comparing(Key::command))
                .forEach(key -> list.addObject().put("Provider", key.plugin()).put("Model", model)
                        .put("Command", key.command()).putArray("RequiredParams"));
        return list;
    }
}
