package dev.drpconsole.core.drp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A DRP object as the server sent it. The JSON tree is kept whole, so fields this client does not know (newer
 * servers add some) survive every round trip; typed accessors read from it. Instances are immutable:
 * {@code with…} methods return changed copies, and {@link DrpClient#update} turns the difference into a JSON
 * Patch with {@code test} ops.
 */
public abstract class DrpObject {
    private final ObjectNode json;

    protected DrpObject(ObjectNode json) {
        this.json = json;
    }

    /** The object's type (its API prefix and key field). */
    public abstract DrpType<? extends DrpObject> type();

    /** The value of the type's key field ({@code Name} or {@code Uuid}). */
    public String key() {
        return text(type().keyField());
    }

    /** A copy of the JSON tree; changing it does not change this object. */
    public ObjectNode json() {
        return json.deepCopy();
    }

    /** The object as DRP sends it, pretty-printed: what forms show as "the JSON that will be sent". */
    public String prettyJson() {
        return json().toPrettyString();
    }

    public boolean available() {
        return bool("Available");
    }

    public boolean validated() {
        return bool("Validated");
    }

    public boolean readOnly() {
        return bool("ReadOnly");
    }

    /** Validation errors; empty when the object is clean. */
    public List<String> errors() {
        return strings("Errors");
    }

    public String bundle() {
        return text("Bundle");
    }

    /**
     * Why the endpoint refuses changes to it, e.g. "from content pack team-pack; change it there", or "" when it
     * may be changed. Objects of a content pack ({@code ReadOnly}, {@code Bundle} = the pack) live in a read-only
     * layer of DRP's store (DRP v4.7.0 models/access.go, models/bundle.go).
     */
    public String readOnlyReason() {
        if (!readOnly()) {
            return "";
        }
        return bundle().isEmpty() ? "built into the endpoint; it cannot be changed"
                : "from content pack " + bundle() + "; change it there";
    }

    public Map<String, String> meta() {
        JsonNode meta = json.path("Meta");
        Map<String, String> values = new LinkedHashMap<>();
        meta.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
        return Collections.unmodifiableMap(values);
    }

    /** One Meta value, or "" when absent. */
    public String meta(String key) {
        return json.path("Meta").path(key).asText("");
    }

    protected String text(String field) {
        JsonNode node = json.get(field);
        return node == null || node.isNull() ? "" : node.asText();
    }

    protected boolean bool(String field) {
        return json.path(field).asBoolean(false);
    }

    protected int integer(String field, int absent) {
        JsonNode node = json.get(field);
        return node == null || !node.isNumber() ? absent : node.asInt();
    }

    protected List<String> strings(String field) {
        JsonNode node = json.path(field);
        List<String> values = new ArrayList<>(node.size());
        node.forEach(item -> values.add(item.asText()));
        return Collections.unmodifiableList(values);
    }

    /** A copy of the tree with {@code change} applied, for the {@code with…} methods of subclasses. */
    protected ObjectNode changed(Consumer<ObjectNode> change) {
        ObjectNode copy = json.deepCopy();
        change.accept(copy);
        return copy;
    }

    /** A copy with one Meta key set (or removed when {@code value} is null). */
    protected ObjectNode changedMeta(String key, String value) {
        return changed(tree -> {
            ObjectNode meta = tree.path("Meta").isObject() ? (ObjectNode) tree.get("Meta") : tree.putObject("Meta");
            if (value == null) {
                meta.remove(key);
            } else {
                meta.put(key, value);
            }
        });
    }

    @Override
    public boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && ((DrpObject) other).json.equals(json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    @Override
    public String toString() {
        return type().prefix() + "/" + key();
    }
}
