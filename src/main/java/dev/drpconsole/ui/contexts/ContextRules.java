package dev.drpconsole.ui.contexts;

import java.util.regex.Pattern;

/**
 * What DRP and the engine accept, checked while the user types so a form never sends what the server would
 * refuse with a 422.
 */
final class ContextRules {
    /** DRP's rule for context (and task, stage, workflow) names: drp-api-facts §3.2. */
    private static final Pattern NAME = Pattern.compile("^\\p{L}+([- _.]+|\\p{N}+|\\p{L}+)+$");

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
        if (name.isBlank()) {
            return "Give the context a name, e.g. runner.";
        }
        if (!NAME.matcher(name).matches()) {
            return "DRP does not accept \"" + name + "\" as a name: start with a letter, use at least two characters,"
                    + " and only letters, digits, spaces, '-', '_' and '.'.";
        }
        return "";
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
