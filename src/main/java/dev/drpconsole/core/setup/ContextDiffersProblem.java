package dev.drpconsole.core.setup;

import java.util.List;

/** A context of the chosen name exists with other settings: the user must choose to replace it or rename ours. */
public final class ContextDiffersProblem extends SetupProblem {
    private final List<String> differences;

    public ContextDiffersProblem(String name, List<String> differences) {
        super("A context named " + name + " already exists with other settings: " + String.join("; ", differences)
                + ".", "Replace it with these settings, or choose another name.");
        this.differences = List.copyOf(differences);
    }

    /** One line per field: "Image: drp/old:1 there, drp/runner:1 here". */
    public List<String> differences() {
        return differences;
    }
}
