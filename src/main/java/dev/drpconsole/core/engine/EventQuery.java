package dev.drpconsole.core.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which engine events to receive; the engine filters them, so unwanted events never cross the socket.
 *
 * @param types  object types to receive, e.g. "container", "image"; empty for all
 * @param labels only events of objects carrying all these labels with these values
 */
public record EventQuery(Set<String> types, Map<String, String> labels) {

    public EventQuery {
        types = Set.copyOf(types);
        labels = Map.copyOf(labels);
    }

    public static EventQuery everything() {
        return new EventQuery(Set.of(), Map.of());
    }

    public static EventQuery containers() {
        return new EventQuery(Set.of("container"), Map.of());
    }

    public EventQuery withLabel(String key, String value) {
        Map<String, String> more = new HashMap<>(labels);
        more.put(key, value);
        return new EventQuery(types, more);
    }
}
