package dev.drpconsole.sandbox.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.sandbox.SandboxJson;

/**
 * One index of an object type: a field that list filters, sort and {@code Index:value} lookups may use.
 *
 * @param name   the field (also the query parameter name); "Valid" is DRP's alias for Available
 * @param type   how values are read and ordered
 * @param unique whether at most one object has a given value, which allows {@code Index:value} lookups
 */
public record IndexDefinition(String name, IndexType type, boolean unique) {

    /** The value of this index on an object. */
    public Comparable<?> valueOn(JsonNode object) {
        String field = "Valid".equals(name) ? "Available" : name;
        return type.valueOf(object.get(field));
    }

    /** The index as {@code GET /indexes} describes it (DRP's models.Index). */
    public ObjectNode describe() {
        ObjectNode description = SandboxJson.object();
        description.put("Type", type.drpName());
        description.put("Unique", unique);
        description.put("Unordered", false);
        description.put("Regex", type == IndexType.STRING);
        return description;
    }
}
