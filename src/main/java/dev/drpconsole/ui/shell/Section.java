package dev.drpconsole.ui.shell;

import dev.drpconsole.ui.common.Icon;

/** The sidebar's sections, in order; Ctrl+1 … Ctrl+5 select them. */
public enum Section {
    SETUP("Setup", "setup", Icon.ROCKET_LAUNCH_OUTLINE,
            "Set up a Docker context",
            "Connect to a DRP endpoint (or the built-in sandbox), build a runner image with drpcli inside, "
                    + "create the context and its runner machine, and run a test job. "
                    + "Every step shows what it does and the equivalent drpcli and docker commands."),
    CONTEXTS("Contexts", "contexts", Icon.LAYERS_OUTLINE,
            "No contexts to show yet",
            "Contexts tell DRP where a machine's tasks run. Connect to an endpoint to see its contexts, "
                    + "or open Setup to create your first docker-context."),
    RUNNERS("Runner machines", "runners", Icon.SERVER,
            "No runner machines yet",
            "A runner machine has Meta.BaseContext set; DRP starts a drp-runner-<uuid> container for it. "
                    + "Connect to an endpoint to see them, or create one in Setup."),
    CONTAINERS("Containers", "containers", Icon.PACKAGE_VARIANT_CLOSED,
            "No runner containers yet",
            "Runner containers are named drp-runner-<machine uuid> and appear here as soon as the engine "
                    + "starts them. The engine the console uses is shown in the status bar below."),
    JOBS("Jobs", "jobs", Icon.FORMAT_LIST_CHECKS,
            "No jobs yet",
            "Jobs are the tasks DRP hands to machines. Connect to an endpoint to follow them live, "
                    + "output included.");

    private final String title;
    private final String id;
    private final Icon icon;
    private final String emptyTitle;
    private final String emptyText;

    Section(String title, String id, Icon icon, String emptyTitle, String emptyText) {
        this.title = title;
        this.id = id;
        this.icon = icon;
        this.emptyTitle = emptyTitle;
        this.emptyText = emptyText;
    }

    public String title() {
        return title;
    }

    /** Stable id for settings and for tests ({@code #section-<id>}). */
    public String id() {
        return id;
    }

    public Icon icon() {
        return icon;
    }

    public String emptyTitle() {
        return emptyTitle;
    }

    public String emptyText() {
        return emptyText;
    }

    /** The digit of its Ctrl+N shortcut. */
    public int shortcutDigit() {
        return ordinal() + 1;
    }

    public static Section byId(String id) {
        for (Section section : values()) {
            if (section.id.equals(id)) {
                return section;
            }
        }
        return SETUP;
    }
}
