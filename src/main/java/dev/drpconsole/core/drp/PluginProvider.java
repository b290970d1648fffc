package dev.drpconsole.core.drp;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** An installed plugin provider, e.g. {@code docker-context}. */
public record PluginProvider(String name, String version, ObjectNode json) {

    public static PluginProvider of(ObjectNode json) {
        return new PluginProvider(json.path("Name").asText(""), json.path("Version").asText(""), json);
    }
}
