package dev.drpconsole.core.drp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Differences between two versions of a context, as the form shows them: the request, and someone else's edit. */
public final class ContextChanges {
    /** The fields the form edits; also the ones a conflict message names first. */
    public static final List<String> EDITED = List.of("Engine", "Image", "Description");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ContextChanges() {
    }

    /**
     * The body the client will send: the whole object for a create, or for an edit the JSON Patch
     * {@code DrpClient.update} sends (a test of each old value, then its replacement).
     */
    public static String request(DrpContext original, DrpContext changed) {
        if (original == null) {
            return pretty(changed.json());
        }
        ArrayNode patch = JsonNodeFactory.instance.arrayNode();
        for (String field : EDITED) {
            JsonNode before = original.json().path(field);
            JsonNode after = changed.json().path(field);
            if (!before.equals(after)) {
                patch.addObject().put("op", "test").put("path", "/" + field).set("value", before);
                patch.addObject().put("op", "replace").put("path", "/" + field).set("value", after);
            }
        }
        return patch.isEmpty() ? "Nothing changed yet." : pretty(patch);
    }

    /** Whether someone changed a field the form shows between {@code opened} and {@code latest}. */
    public static boolean editedFieldsDiffer(DrpContext opened, DrpContext latest) {
        return EDITED.stream().anyMatch(field -> !opened.json().path(field).equals(latest.json().path(field)));
    }

    /** What differs between the version the user opened and the endpoint's, e.g. Image is now "x" (was "y"). */
    public static String describe(DrpContext opened, DrpContext latest) {
        ObjectNode before = opened.json();
        ObjectNode after = latest.json();
        List<String> changes = new ArrayList<>();
        after.fieldNames().forEachRemaining(field -> {
            if (!after.get(field).equals(before.get(field))) {
                changes.add(field + " is now " + shown(after.get(field)) + " (was " + shown(before.get(field)) + ")");
            }
        });
        return changes.isEmpty() ? "it was saved again" : String.join(", ", changes);
    }

    private static String shown(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "not set";
        }
        return value.isTextual() ? "\"" + value.asText() + "\"" : value.toString();
    }

    private static String pretty(JsonNode node) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return node.toString();
        }
    }
}
