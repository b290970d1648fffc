package dev.drpconsole.core.setup;

import dev.drpconsole.core.drp.DrpContext;
import java.util.List;

/**
 * A context of the chosen name exists with other settings: the user must choose to replace it or rename ours. A
 * read-only one (from a content pack) cannot be replaced: then only another name, or a change of the pack, helps.
 */
public final class ContextDiffersProblem extends SetupProblem {
    private final List<String> differences;
    private final boolean readOnly;

    public ContextDiffersProblem(DrpContext existing, List<String> differences) {
        super(message(existing, differences), existing.readOnly()
                ? "Choose another name for the wizard's context, or change the context in its content pack and upload"
                        + " the pack again."
                : "Replace it with these settings, or choose another name.");
        this.differences = List.copyOf(differences);
        this.readOnly = existing.readOnly();
    }

    private static String message(DrpContext existing, List<String> differences) {
        String text = "A context named " + existing.name() + " already exists with other settings: "
                + String.join("; ", differences) + ".";
        String from = existing.bundle().isEmpty() ? "built into the endpoint" : "from content pack "
                + existing.bundle();
        return existing.readOnly() ? text + " It is read-only (" + from + "), so the wizard cannot replace it." : text;
    }

    /** One line per field: "Image: drp/old:1 there, drp/runner:1 here". */
    public List<String> differences() {
        return differences;
    }

    /** Whether the existing context is read-only, so replacing it is no way on. */
    public boolean readOnly() {
        return readOnly;
    }
}
