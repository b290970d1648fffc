package dev.drpconsole.ui.contexts;

/**
 * Where a context's image can come from when a runner starts: the engine's local images, or the image tar
 * published on the endpoint under {@code files/contexts/docker-context/<Image>} (the plugin loads it from there).
 *
 * @param onEngine  whether the engine has the image; null when the engine could not be asked
 * @param published whether the endpoint has the tar; null when the endpoint could not be asked
 */
public record ImageStatus(Boolean onEngine, Boolean published) {
    /** How {@link #describe()} starts when no runner could get the image. */
    public static final String MISSING = "Missing: ";

    /** A runner can start: the engine has the image, or can load it from the endpoint. */
    public boolean usable() {
        return Boolean.TRUE.equals(onEngine) || Boolean.TRUE.equals(published);
    }

    /** E.g. "On engine · not published", "Missing: not on engine, not published". */
    public String describe() {
        String engine = onEngine == null ? "engine not reachable" : onEngine ? "on engine" : "not on engine";
        String endpoint = published == null ? "endpoint files not readable" : published ? "published"
                : "not published";
        String both = engine + " · " + endpoint;
        String text = Character.toUpperCase(both.charAt(0)) + both.substring(1);
        return Boolean.FALSE.equals(onEngine) && Boolean.FALSE.equals(published) ? MISSING + engine + ", "
                + endpoint : text;
    }
}
