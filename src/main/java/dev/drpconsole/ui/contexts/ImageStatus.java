package dev.drpconsole.ui.contexts;

import dev.drpconsole.core.setup.ContextImageLayout;

/**
 * Where a context's image can come from when a runner starts: the engine's local images, the image tar published
 * on the endpoint where its docker-context plugin looks ({@link ContextImageLayout}), or, for a v4.8+ plugin, the
 * context's {@code Meta.Imagepull} URL; and whether a published tar passes {@code Meta.Checksum}.
 *
 * @param onEngine        whether the engine has the image; null when the engine could not be asked
 * @param published       whether the endpoint has the tar; null when the endpoint could not be asked
 * @param layout          where the plugin looks, and why the console thinks so
 * @param pullUrl         {@code Meta.Imagepull} when the plugin honours it (v4.8+), else ""
 * @param checksumMatches whether the published tar matches {@code Meta.Checksum} (v4.8+); null when not checked
 */
public record ImageStatus(Boolean onEngine, Boolean published, ContextImageLayout layout, String pullUrl,
                          Boolean checksumMatches) {
    /** What {@link #describe()} says when no runner could get the image. */
    public static final String MISSING = "Missing";
    /** What {@link #describe()} says when the plugin would remove the published tar. */
    public static final String CHECKSUM_MISMATCH = "Checksum mismatch";
    /** What {@link #describe()} says when a v4.8+ plugin will download it. */
    public static final String WILL_BE_PULLED = "Will be pulled from Imagepull";

    /** A runner can start: the engine has the image, or the plugin can load or download it. */
    public boolean usable() {
        return !Boolean.FALSE.equals(checksumMatches) && (Boolean.TRUE.equals(onEngine)
                || Boolean.TRUE.equals(published) || !pullUrl.isEmpty());
    }

    /** Short, for the table: "On engine · published", "Published only", "Will be pulled from Imagepull"… */
    public String describe() {
        if (Boolean.FALSE.equals(checksumMatches)) {
            return CHECKSUM_MISMATCH;
        }
        String engine = onEngine == null ? "Engine unreachable" : onEngine ? "On engine" : "";
        String endpoint = published == null ? "endpoint files unreadable" : published ? "published" : "";
        if (engine.isEmpty() && endpoint.isEmpty()) {
            return pullUrl.isEmpty() ? MISSING : WILL_BE_PULLED;
        }
        if (engine.isEmpty()) {
            return endpoint.equals("published") ? "Published only" : "Not on engine · " + endpoint;
        }
        return endpoint.isEmpty() ? engine : engine + " · " + endpoint;
    }

    /** The whole story, for the details pane. */
    public String explain(String image) {
        String engine = onEngine == null ? "The container engine could not be asked."
                : onEngine ? "The engine has the image." : "The engine does not have the image.";
        String where = "files/" + layout.pathOf(image);
        String endpoint = published == null ? "The endpoint's files could not be read."
                : published ? "The endpoint publishes it as " + where + ", so the engine plugin can load it."
                : "The endpoint has no " + where + ".";
        String checksum = Boolean.FALSE.equals(checksumMatches) ? " It does not match Meta.Checksum: the plugin"
                + " removes it, so no runner can start until a matching tar is published." : "";
        String pull = pullUrl.isEmpty() || Boolean.TRUE.equals(published) ? "" : " The plugin downloads it from"
                + " Meta.Imagepull " + pullUrl + " when a runner starts; that URL must be reachable from the endpoint.";
        return engine + " " + endpoint + checksum + pull + " The plugin looks in files/" + layout.directory() + ": "
                + layout.reason() + ".";
    }
}
