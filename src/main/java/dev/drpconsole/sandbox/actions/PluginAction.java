package dev.drpconsole.sandbox.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One plugin action: {@code POST /plugins/<plugin>/actions/<command>} (plugin level, {@code machine} null) or
 * {@code POST /machines/<uuid>/actions/<command>} (machine level), and {@code action:} task-list entries.
 */
@FunctionalInterface
public interface PluginAction {

    /**
     * @param machine the machine acted on; null for a plugin-level action
     * @param params  the action's parameters (the POST body)
     * @return the action's result, returned to the caller as JSON
     * @throws dev.drpconsole.sandbox.ApiException when the action fails
     */
    JsonNode run(ObjectNode machine, ObjectNode params);
}
