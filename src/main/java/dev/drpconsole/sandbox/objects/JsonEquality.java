package dev.drpconsole.sandbox.objects;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON value equality as RFC 6902's {@code test} defines it: numbers by value (Go sends 1 where Java may hold
 * 1.0), objects regardless of member order, arrays element by element.
 */
final class JsonEquality {

    private JsonEquality() {
    }

    static boolean equal(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isObject() && b.isObject()) {
            return objectsEqual(a, b);
        }
        if (a.isArray() && b.isArray()) {
            return arraysEqual(a, b);
        }
        return a.equals(b);
    }

    private static boolean objectsEqual(JsonNode a, JsonNode b) {
        if (a.size() != b.size()) {
            return false;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = a.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!equal(field.getValue(), b.get(field.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean arraysEqual(JsonNode a, JsonNode b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!equal(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }
}
