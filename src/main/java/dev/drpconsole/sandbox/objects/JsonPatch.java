package dev.drpconsole.sandbox.objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 6902 JSON Patch over Jackson trees: add, remove, replace, move, copy and test.
 *
 * <p>The Go client sends {@code "from": ""} on every operation (jsonpatch2 serializes the field always), so
 * {@code from} is only read by move and copy.
 */
public final class JsonPatch {

    private final ArrayNode operations;

    private JsonPatch(ArrayNode operations) {
        this.operations = operations;
    }

    /**
     * @throws IllegalArgumentException when the document is not an array of operations
     */
    public static JsonPatch of(JsonNode document) {
        if (document == null || !document.isArray()) {
            throw new IllegalArgumentException("A JSON Patch is an array of operations");
        }
        for (JsonNode operation : document) {
            if (!operation.isObject() || !operation.path("op").isTextual() || !operation.path("path").isTextual()) {
                throw new IllegalArgumentException("Each JSON Patch operation needs an op and a path");
            }
        }
        return new JsonPatch((ArrayNode) document);
    }

    public ArrayNode operations() {
        return operations;
    }

    /** Applies the patch to a copy of the target and returns the copy; the target is not changed. */
    public JsonNode applyTo(JsonNode target) throws JsonPatchException {
        JsonNode document = target.deepCopy();
        for (int line = 0; line < operations.size(); line++) {
            document = apply(document, operations.get(line), line);
        }
        return document;
    }

    private static JsonNode apply(JsonNode document, JsonNode operation, int line) throws JsonPatchException {
        String op = operation.path("op").asText();
        List<String> path = pointer(operation.path("path").asText(), line);
        switch (op) {
            case "test" -> {
                if (!JsonEquality.equal(resolve(document, path), operation.get("value"))) {
                    throw new JsonPatchException(line, "Test op failed.", true);
                }
                return document;
            }
            case "remove" -> {
                return remove(document, path, line);
            }
            case "add" -> {
                return add(document, path, requireValue(operation, line), line);
            }
            case "replace" -> {
                JsonNode removed = remove(document, path, line);
                return add(removed, path, requireValue(operation, line), line);
            }
            case "move" -> {
                List<String> from = pointer(operation.path("from").asText(), line);
                JsonNode value = existing(document, from, line);
                return add(remove(document, from, line), path, value, line);
            }
            case "copy" -> {
                List<String> from = pointer(operation.path("from").asText(), line);
                return add(document, path, existing(document, from, line).deepCopy(), line);
            }
            default -> throw new JsonPatchException(line, "Invalid op " + op, false);
        }
    }

    private static JsonNode requireValue(JsonNode operation, int line) throws JsonPatchException {
        JsonNode value = operation.get("value");
        if (value == null) {
            throw new JsonPatchException(line, "Missing value", false);
        }
        return value.deepCopy();
    }

    private static List<String> pointer(String text, int line) throws JsonPatchException {
        List<String> tokens = new ArrayList<>();
        if (text.isEmpty()) {
            return tokens;
        }
        if (!text.startsWith("/")) {
            throw new JsonPatchException(line, "Invalid pointer " + text, false);
        }
        for (String token : text.substring(1).split("/", -1)) {
            tokens.add(token.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }

    private static JsonNode resolve(JsonNode document, List<String> path) {
        JsonNode current = document;
        for (String token : path) {
            if (current == null) {
                return null;
            }
            current = current.isArray() ? arrayElement(current, token) : current.get(token);
        }
        return current;
    }

    private static JsonNode arrayElement(JsonNode array, String token) {
        try {
            return array.get(Integer.parseInt(token));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static JsonNode existing(JsonNode document, List<String> path, int line) throws JsonPatchException {
        JsonNode value = resolve(document, path);
        if (value == null) {
            throw new JsonPatchException(line, "Path " + String.join("/", path) + " does not exist", false);
        }
        return value;
    }

    private static JsonNode add(JsonNode document, List<String> path, JsonNode value, int line)
            throws JsonPatchException {
        if (path.isEmpty()) {
            return value;
        }
        JsonNode parent = existing(document, path.subList(0, path.size() - 1), line);
        String last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array) {
            if ("-".equals(last)) {
                array.add(value);
            } else {
                array.insert(index(last, array.size(), line), value);
            }
        } else {
            throw new JsonPatchException(line, "Cannot add below a scalar", false);
        }
        return document;
    }

    private static JsonNode remove(JsonNode document, List<String> path, int line) throws JsonPatchException {
        existing(document, path, line);
        if (path.isEmpty()) {
            return com.fasterxml.jackson.databind.node.NullNode.getInstance();
        }
        JsonNode parent = resolve(document, path.subList(0, path.size() - 1));
        String last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode object) {
            object.remove(last);
        } else if (parent instanceof ArrayNode array) {
            array.remove(index(last, array.size() - 1, line));
        }
        return document;
    }

    private static int index(String token, int max, int line) throws JsonPatchException {
        try {
            int index = Integer.parseInt(token);
            if (index < 0 || index > max) {
                throw new JsonPatchException(line, "Index " + token + " out of range", false);
            }
            return index;
        } catch (NumberFormatException e) {
            throw new JsonPatchException(line, "Invalid array index " + token, false);
        }
    }
}
