package dev.drpconsole.sandbox.events;

/**
 * A websocket registration, {@code type.action.key}: each part {@code *} or a comma list of values, in which
 * {@code \1}, {@code \2} and {@code \3} stand for '.', ',' and '*' (as in the v4 Go client). Split in three, so
 * the key keeps any further dots ({@code profiles.*.site.cfg} is the key {@code site.cfg}).
 *
 * @param text the registration exactly as the client sent it; deregistration must repeat it
 */
public record EventFilter(String text, String types, String actions, String keys) {

    /**
     * @throws IllegalArgumentException when the text has fewer than three parts
     */
    public static EventFilter parse(String text) {
        // [v3 code] frontend/websocket.go and DRP v4.7.0 api/event_stream.go: strings.SplitN(test, ".", 3).
        String[] parts = text.trim().split("\\.", 3);
        if (parts.length < 3) {
            throw new IllegalArgumentException("A registration is type.action.key, got: " + text);
        }
        return new EventFilter(text.trim(), parts[0], parts[1], parts[2]);
    }

    public boolean matches(Event event) {
        return partMatches(types, event.type()) && partMatches(actions, event.action())
                && partMatches(keys, event.key());
    }

    private static boolean partMatches(String part, String value) {
        if ("*".equals(part)) {
            return true;
        }
        for (String candidate : part.split(",")) {
            String unescaped = candidate.replace("\\1", ".").replace("\\2", ",").replace("\\3", "*").trim();
            if (unescaped.equals(value)) {
                return true;
            }
        }
        return false;
    }
}
