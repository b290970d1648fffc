package dev.drpconsole.ui.contexts;

import dev.drpconsole.core.drp.DrpNames;
import dev.drpconsole.core.engine.ImageReference;

/**
 * What DRP and the engine accept, checked while the user types so a form never sends what the server would
 * refuse with a 422.
 */
final class ContextRules {
    private ContextRules() {
    }

    /** What is wrong with a context name, or "" when DRP accepts it. */
    static String nameProblem(String name) {
        return DrpNames.contextNameProblem(name);
    }

    /** What is wrong with an image reference, or "" when the engine accepts it. */
    static String imageProblem(String image) {
        return ImageReference.problem(image);
    }

    static String engineProblem(String engine) {
        return engine.isBlank() ? "Name the engine plugin that runs the context, e.g. docker-context." : "";
    }
}
