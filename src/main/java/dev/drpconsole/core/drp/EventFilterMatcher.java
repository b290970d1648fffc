package dev.drpconsole.core.drp;

import java.util.ArrayList;
import java.util.List;

/**
 * Matches events against one {@code type.action.key} filter as DRP does (§5): each part is {@code *} or a comma
 * list of values, where {@code \1}, {@code \2}, {@code \3} stand for a literal {@code .}, {@code ,}, {@code *}. A
 * key may also hold plain dots ({@code profiles.*.site.cfg} is the key {@code site.cfg}).
 * The server sends every event for every registration down one socket, so the client routes them itself.
 */
final class EventFilterMatcher {
    private final List<List<String>> parts;

    EventFilterMatcher(String filter) {
        // In 3, as DRP v4.7.0 api/event_stream.go matches (SplitN(registration, ".", 3)): the key keeps its dots.
        String[] split = filter.split("\\.", 3);
        if (split.length < 3) {
            throw new IllegalArgumentException("An event filter is type.action.key, e.g. machines.*.*; got "
                    + filter);
        }
        parts = List.of(values(split[0]), values(split[1]), values(split[2]));
    }

    private static List<String> values(String part) {
        if ("*".equals(part)) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (String value : part.split(",", -1)) {
            values.add(value.replace("\\1", ".").replace("\\2", ",").replace("\\3", "*"));
        }
        return values;
    }

    boolean matches(String type, String action, String key) {
        return matches(parts.get(0), type) && matches(parts.get(1), action) && matches(parts.get(2), key);
    }

    private static boolean matches(List<String> values, String value) {
        return values.isEmpty() || values.contains(value);
    }
}
