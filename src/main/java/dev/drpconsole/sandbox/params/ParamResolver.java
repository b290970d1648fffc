package dev.drpconsole.sandbox.params;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.sandbox.SandboxJson;
import dev.drpconsole.sandbox.store.ObjectStore;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a machine's param values come from, first match wins: the machine's own Params, its Profiles in order,
 * its Stage's Params, the {@code global} profile, then the param definition's {@code Schema.default}. This is
 * what {@code ?aggregate=true} and task templates ({@code .Param "name"}) see.
 */
public final class ParamResolver {

    private final ObjectStore store;

    public ParamResolver(ObjectStore store) {
        this.store = store;
    }

    public Optional<JsonNode> resolve(ObjectNode owner, String name) {
        for (ObjectNode layer : layers(owner)) {
            JsonNode value = layer.path("Params").get(name);
            if (value != null) {
                return Optional.of(value);
            }
        }
        return store.get("params", name).map(param -> param.path("Schema").get("default"));
    }

    /** Every param visible to the object, merged by the same precedence. */
    public ObjectNode aggregate(ObjectNode owner) {
        ObjectNode merged = SandboxJson.object();
        List<ObjectNode> layers = layers(owner);
        for (int i = layers.size() - 1; i >= 0; i--) {
            Iterator<Map.Entry<String, JsonNode>> fields = layers.get(i).path("Params").fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                merged.set(field.getKey(), field.getValue());
            }
        }
        return merged;
    }

    private List<ObjectNode> layers(ObjectNode owner) {
        List<ObjectNode> layers = new ArrayList<>();
        layers.add(owner);
        for (JsonNode profile : owner.path("Profiles")) {
            store.get("profiles", profile.asText()).ifPresent(layers::add);
        }
        String stage = SandboxJson.string(owner, "Stage");
        if (!stage.isEmpty() && owner.has("Uuid")) {
            store.get("stages", stage).ifPresent(layers::add);
        }
        if (!"global".equals(SandboxJson.string(owner, "Name")) || !owner.has("Profiles")) {
            store.get("profiles", "global").ifPresent(layers::add);
        }
        return layers;
    }
}
