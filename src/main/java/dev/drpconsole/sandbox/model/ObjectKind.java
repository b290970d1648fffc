package dev.drpconsole.sandbox.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.sandbox.SandboxJson;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * An object type the sandbox serves, e.g. machines. Declared in {@code kinds.json}; see {@link ObjectKinds}.
 *
 * @param prefix      the API path segment and event type, e.g. "machines"
 * @param keyField    the field holding the key, e.g. "Uuid"
 * @param common      carries DRP's common fields (Validated, Available, Errors, ReadOnly, Meta, Endpoint, Bundle)
 * @param partial     carries the Partial flag
 * @param hasParams   has a Params map, so the params sub-API and param filters apply
 * @param indexes     filterable fields by name
 * @param defaults    field values for fields a new object lacks
 */
public record ObjectKind(
        String prefix, String keyField, boolean common, boolean partial, boolean hasParams,
        Map<String, IndexDefinition> indexes, ObjectNode defaults) {

    public ObjectKind {
        indexes = Map.copyOf(indexes);
    }

    /** The object's key, "" when unset. */
    public String keyOf(JsonNode object) {
        return SandboxJson.string(object, keyField);
    }

    public Optional<IndexDefinition> index(String name) {
        if ("Key".equals(name)) {
            return Optional.ofNullable(indexes.get(keyField));
        }
        return Optional.ofNullable(indexes.get(name));
    }

    /**
     * Adds every field the object lacks, the way Go's {@code Fill()} makes slices and maps non-null: clients
     * then always see {@code []} and {@code {}} rather than missing fields or nulls.
     */
    public void fill(ObjectNode object) {
        if (common) {
            putIfAbsent(object, "Validated", SandboxJson.MAPPER.getNodeFactory().booleanNode(true));
            putIfAbsent(object, "Available", SandboxJson.MAPPER.getNodeFactory().booleanNode(true));
            if (!object.path("Errors").isArray()) {
                object.set("Errors", SandboxJson.array());
            }
            putIfAbsent(object, "ReadOnly", SandboxJson.MAPPER.getNodeFactory().booleanNode(false));
            putIfAbsent(object, "Endpoint", SandboxJson.MAPPER.getNodeFactory().textNode(""));
            putIfAbsent(object, "Bundle", SandboxJson.MAPPER.getNodeFactory().textNode(""));
        }
        if (common || defaults.has("Meta")) {
            if (!object.path("Meta").isObject()) {
                object.set("Meta", SandboxJson.object());
            }
        }
        if (partial) {
            putIfAbsent(object, "Partial", SandboxJson.MAPPER.getNodeFactory().booleanNode(false));
        }
        Iterator<Map.Entry<String, JsonNode>> fields = defaults.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode current = object.get(field.getKey());
            boolean missing = current == null || current.isNull() && !field.getValue().isNull();
            if (missing) {
                object.set(field.getKey(), field.getValue().deepCopy());
            }
        }
    }

    private static void putIfAbsent(ObjectNode object, String field, JsonNode value) {
        JsonNode current = object.get(field);
        if (current == null || current.isNull()) {
            object.set(field, value);
        }
    }
}
