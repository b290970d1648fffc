package dev.drpconsole.ui.contexts;

import dev.drpconsole.core.drp.DrpContext;
import java.util.List;

/**
 * One row of the contexts table.
 *
 * @param context the context as DRP has it
 * @param usedBy  names of the machines whose Context or Meta.BaseContext is this context, sorted
 * @param image   where its image is; null while being checked
 */
public record ContextRow(DrpContext context, List<String> usedBy, ImageStatus image) {
    /** The image status while it is being looked up. */
    public static final String CHECKING = "Checking…";
    /**
     * The image status of a context whose Engine is another plugin (Kubernetes, vSphere, AWS… per DRP v4.7.0
     * models/context.go): where its images come from is that plugin's business.
     */
    public static final String NOT_CHECKED = "Checks apply to docker-context only";

    public ContextRow {
        usedBy = List.copyOf(usedBy);
    }

    public String name() {
        return context.name();
    }

    public String engine() {
        return context.engine();
    }

    public String imageName() {
        return context.image();
    }

    /** "✓" when DRP validated it, else DRP's errors. */
    public String availability() {
        if (context.available()) {
            return "✓";
        }
        List<String> errors = context.errors();
        return errors.isEmpty() ? "Not available" : String.join("; ", errors);
    }

    /** Why DRP refuses to change or delete it, e.g. "from content pack X; change it there"; "" when it may. */
    public String readOnlyReason() {
        return context.readOnlyReason();
    }

    public int machineCount() {
        return usedBy.size();
    }

    /** Whether the console can tell where its image is: only for the docker-context engine it sets up. */
    public boolean imageChecked() {
        return context.runsOnDockerContext();
    }

    public String imageStatus() {
        if (!imageChecked()) {
            return NOT_CHECKED;
        }
        return image == null ? CHECKING : image.describe();
    }
}
