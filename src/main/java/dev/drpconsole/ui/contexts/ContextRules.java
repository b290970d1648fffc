package dev.drpconsole.ui.contexts;

import dev.drpconsole.core.drp.DrpNames;
import java.util.regex.Pattern;

/**
 * What DRP and the engine accept, checked while the user types so a form never sends what the server would
 * refuse with a 422.
 */
final class ContextRules {
    /**
     * The Docker reference grammar (distribution/reference): optional registry host[:port], lower-case path
     * components joined by '/', an optional tag, an optional digest.
     */
    private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final String HOST = "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?"
            + "(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?/)?";
    private static final Pattern IMAGE = Pattern.compile("^" + HOST + COMPONENT + "(?:/" + COMPONENT + ")*"
            + "(?::[\\w][\\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$");

    private ContextRules() {
    }

    /** What is wrong with a context name, or "" when DRP accepts it. */
    static String nameProblem(String name) {
        return DrpNames.contextNameProblem(name);
    }

    /** What is wrong with an image reference, or "" when the engine accepts it. */
    static String imageProblem(String image) {
        if (image.isBlank()) {
            return "Name the image the runner containers run, e.g. digitalrebar/runner:latest.";
        }
        if (!IMAGE.matcher(image).matches()) {
            return "\"" + image + "\" is not an image reference: use lower-case name[:tag], e.g. "
                    + "drpconsole/runner:1.";
        }
        return "";
    }

    static String engineProblem(String engine) {
        return engine.isBlank() ? "Name the engine plugin that runs the context, e.g. docker-context." : "";
    }
}
