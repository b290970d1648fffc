package dev.drpconsole.core.engine;

import java.util.List;

/**
 * Image names as the console shows and compares them, the same over Docker and Podman. Podman qualifies every name
 * it stores: a local build or import becomes "localhost/x:1", anything else "docker.io/x:1" (and an official-style
 * single name "docker.io/library/x:1"), while Docker keeps "x:1". Without the registry the console never talks to,
 * both read "x:1".
 */
public final class ImageReference {

    /** Longest first: "docker.io/library/" must win over "docker.io/". */
    private static final List<String> IMPLICIT_PREFIXES = List.of("docker.io/library/", "docker.io/", "localhost/");

    private ImageReference() {
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
