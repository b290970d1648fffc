package dev.drpconsole.core.drp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * The RFC 6902 patch from one JSON object to another, in the form DRP's Go client sends (§2.4): every replaced or
 * removed value is first tested against what the caller last saw, so the server refuses (409) a change made on
 * top of someone else's. Objects are compared field by field; arrays and scalars as whole values. Fields that
 * did not change are not sent at all, so fields this client does not know about are never touched.
 */
final class JsonPatchDiff {

    private JsonPatchDiff() {
    }

    static ArrayNode between(ObjectNode original, ObjectNode changed) {
        ArrayNode ops = DrpJson.MAPPER.createArrayNode();
        diff("", original, changed, ops);
        return ops;
    }

    private static void diff(String path, ObjectNode original, ObjectNode changed, ArrayNode ops) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = original.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String fieldPath = path + "/" + escape(field.getKey());
            JsonNode now = changed.get(field.getKey());
            if (now == null) {
                op(ops, "test", fieldPath, field.getValue());
                op(ops, "remove", fieldPath, null);
            } else if (field.getValue().isObject() && now.isObject()) {
                diff(fieldPath, (ObjectNode) field.getValue(), (ObjectNode) now, ops);
            } else if (!field.getValue().equals(now)) {
                op(ops, "test", fieldPath, field.getValue());
                op(ops, "replace", fieldPath, now);
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = changed.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!original.has(field.getKey())) {
                op(ops, "add", path + "/" + escape(field.getKey()), field.getValue());
            }
        }
    }

    private static void op(ArrayNode ops, String name, String path, JsonNode value) {
        ObjectNode op = ops.addObject().put("op", name).put("path", path);
        if (value != null) {
            op.set("value", value.deepCopy());
        }
    }

    /** JSON Pointer escaping (RFC 6901): {@code ~} and {@code /} inside a key. */
    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
