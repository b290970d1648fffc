package dev.drpconsole.core.engine;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Image names as the console shows and compares them, the same over Docker and Podman. Podman qualifies every name
 * it stores: a local build or import becomes "localhost/x:1", anything else "docker.io/x:1" (and an official-style
 * single name "docker.io/library/x:1"), while Docker keeps "x:1". Without the registry the console never talks to,
 * both read "x:1".
 */
public final class ImageReference {

    /** Longest first: "docker.io/library/" must win over "docker.io/". */
    private static final List<String> IMPLICIT_PREFIXES = List.of("docker.io/library/", "docker.io/", "localhost/");

    /**
     * The Docker reference grammar (distribution/reference): optional registry host[:port], lower-case path
     * components joined by '/', an optional tag, an optional digest.
     */
    private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final String HOST = "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?"
            + "(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?/)?";
    private static final Pattern REFERENCE = Pattern.compile("^" + HOST + COMPONENT + "(?:/" + COMPONENT + ")*"
            + "(?::[\\w][\\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$");

    private ImageReference() {
    }

    /** What is wrong with an image reference, or "" when the engine accepts it: the one rule for image names. */
    public static String problem(String reference) {
        if (reference == null || reference.isBlank()) {
            return "Name the image, e.g. drp-context/runner:latest.";
        }
        if (!REFERENCE.matcher(reference).matches()) {
            return "\"" + reference + "\" is not an image reference: use lower-case name[:tag], e.g."
                    + " drp-context/runner:latest.";
        }
        return "";
    }

    /**
     * The name without an implicit registry prefix, e.g. "localhost/drpconsole/base:bookworm" becomes
     * "drpconsole/base:bookworm". Ids ("sha256:..."), other registries and "localhost:5000/..." stay as they are.
     */
    public static String normalise(String reference) {
        if (reference == null) {
            return null;
        }
        for (String prefix : IMPLICIT_PREFIXES) {
            if (reference.startsWith(prefix) && reference.length() > prefix.length()) {
                return reference.substring(prefix.length());
            }
        }
        return reference;
    }

    /** An image id as {@code docker images} shows it: "sha256:3f1c…" becomes its first 12 hex digits. */
    public static String shortId(String id) {
        String hex = id.startsWith("sha256:") ? id.substring("sha256:".length()) : id;
        return hex.length() > 12 ? hex.substring(0, 12) : hex;
    }
}
