package dev.drpconsole.ui.contexts;

/**
 * Where a context's image can come from when a runner starts: the engine's local images, or the image tar
 * published on the endpoint under {@code files/contexts/docker-context/<Image>} (the plugin loads it from there).
 *
 * @param onEngine  whether the engine has the image; null when the engine could not be asked
 * @param published whether the endpoint has the tar; null when the endpoint could not be asked
 */
public record ImageStatus(Boolean onEngine, Boolean published) {
    /** What {@link #describe()} says when no runner could get the image. */
    public static final String MISSING = "Missing";

    /** A runner can start: the engine has the image, or can load it from the endpoint. */
    public boolean usable() {
        return Boolean.TRUE.equals(onEngine) || Boolean.TRUE.equals(published);
    }

    /** Short, for the table: "On engine · published", "On engine", "Published only", "Missing"… */
    public String describe() {
        String engine = onEngine == null ? "Engine unreachable" : onEngine ? "On engine" : "";
        String endpoint = published == null ? "endpoint files unreadable" : published ? "published" : "";
        if (engine.isEmpty() && endpoint.isEmpty()) {
            return MISSING;
        }
        if (engine.isEmpty()) {
            return endpoint.equals("published") ? "Published only" : "Not on engine · " + endpoint;
        }
        return endpoint.isEmpty() ? engine : engine + " · " + endpoint;
    }

    /** The whole story, for the details pane. */
    public String explain() {
        String engine = onEngine == null ? "The container engine could not be asked."
                : onEngine ? "The engine has the image." : "The engine does not have the image.";
        String endpoint = published == null ? "The endpoint's files could not be read."
                : published ? "The endpoint publishes its tar, so the engine plugin can load it."
                : "The endpoint does not publish its tar.";
        return engine + " " + endpoint;
    }
}
