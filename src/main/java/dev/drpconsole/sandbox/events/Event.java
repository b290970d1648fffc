package dev.drpconsole.sandbox.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.sandbox.SandboxJson;
import java.time.Instant;

/**
 * A DRP event (models.Event): {@code {Time, Type, Action, Key, Principal, Object, Original}}.
 *
 * @param object   the full object after the change (for delete: as it was), or any payload for posted events
 * @param original the object before an update or save; null otherwise
 */
public record Event(Instant time, String type, String action, String key, String principal, JsonNode object,
                    JsonNode original) {

    public ObjectNode toJson() {
        ObjectNode json = SandboxJson.object();
        json.put("Time", SandboxJson.time(time));
        json.put("Type", type);
        json.put("Action", action);
        json.put("Key", key);
        json.put("Principal", principal == null ? "" : principal);
        json.set("Object", object == null ? NullNode.getInstance() : object);
        json.set("Original", original == null ? NullNode.getInstance() : original);
        return json;
    }

    /** An event a client posted ({@code POST /api/v3/events}); missing fields take Go's zero values. */
    public static Event fromJson(JsonNode json, String principal) {
        Instant time = Instant.now();
        String sent = SandboxJson.string(json, "Time");
        if (!sent.isEmpty() && !SandboxJson.ZERO_TIME.equals(sent)) {
            time = Instant.parse(sent);
        }
        return new Event(time, SandboxJson.string(json, "Type"), SandboxJson.string(json, "Action"),
                SandboxJson.string(json, "Key"), principal, json.get("Object"), json.get("Original"));
    }
}
