package dev.drpconsole.sandbox.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.sandbox.SandboxJson;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
 * @param optional    the model's {@code omitempty} fields, which have no default (a job's Token)
 * @param structs     the fields holding a Go struct or a list of them (a task's Templates), with the struct's fields
 */
public record ObjectKind(
        String prefix, String keyField, boolean common, boolean partial, boolean hasParams,
        Map<String, IndexDefinition> indexes, ObjectNode defaults, Set<String> optional,
        Map<String, Set<String>> structs) {

    /** DRP's common fields: models/validate.go Validation, access.go Access, meta.go Meta, owner.go, bundle.go. */
    private static final List<String> COMMON_FIELDS = List.of("Validated", "Available", "Errors", "ReadOnly", "Meta",
            "Endpoint", "Bundle");

    public ObjectKind {
        indexes = Map.copyOf(indexes);
        optional = Set.copyOf(optional);
        structs = Map.copyOf(structs);
    }

    /** The JSON fields of the type's Go struct (DRP v4.7.0 models/*.go), in no particular order. */
    public Set<String> fields() {
        Set<String> fields = new LinkedHashSet<>();
        if (common) {
            fields.addAll(COMMON_FIELDS);
        }
        if (partial) {
            fields.add("Partial");
        }
        defaults.fieldNames().forEachRemaining(fields::add);
        fields.addAll(optional);
        return fields;
    }

    /**
     * A client's body as a Go server sees it after {@code json.Unmarshal} into the model: fields the model lacks are
     * dropped, and a key that names no field exactly sets the field it matches case-insensitively ({@code "image"}
     * sets {@code Image}); of several keys for one field the last wins. Structs inside (a task's Templates) are
     * decoded the same way; maps (Meta, Params) are kept as sent.
     */
    public ObjectNode decoded(ObjectNode body) {
        return decoded(body, fields(), structs);
    }

    private static ObjectNode decoded(ObjectNode body, Set<String> fields, Map<String, Set<String>> structs) {
        ObjectNode decoded = SandboxJson.object();
        Iterator<Map.Entry<String, JsonNode>> sent = body.fields();
        while (sent.hasNext()) {
            Map.Entry<String, JsonNode> field = sent.next();
            fieldNamed(fields, field.getKey()).ifPresent(name -> decoded.set(name,
                    structs.containsKey(name) ? decodedStructs(field.getValue(), structs.get(name))
                            : field.getValue().deepCopy()));
        }
        return decoded;
    }

    /** A struct, or each struct of a list; anything else (null) as sent. */
    private static JsonNode decodedStructs(JsonNode value, Set<String> fields) {
        if (value instanceof ObjectNode struct) {
            return decoded(struct, fields, Map.of());
        }
        if (value.isArray()) {
            ArrayNode list = SandboxJson.array();
            value.forEach(element -> list.add(decodedStructs(element, fields)));
            return list;
        }
        return value.deepCopy();
    }

    private static Optional<String> fieldNamed(Set<String> fields, String key) {
        if (fields.contains(key)) {
            return Optional.of(key);
        }
        return fields.stream().filter(key::equalsIgnoreCase).findFirst();
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
