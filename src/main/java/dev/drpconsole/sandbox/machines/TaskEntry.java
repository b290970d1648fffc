package dev.drpconsole.sandbox.machines;

/**
 * One entry of a machine's task list: a task name, or one of DRP's special entries {@code stage:<name>},
 * {@code bootenv:<name>}, {@code context:<name>} (empty name: the machine's own agent), {@code action:[plugin:]name}
 * or {@code chroot:<dir>}.
 */
public record TaskEntry(String text) {

    public boolean isTask() {
        return !text.contains(":");
    }

    /** Entries the server applies itself while picking the next job: stage, bootenv and context changes. */
    public boolean isStateChange() {
        return text.startsWith("stage:") || text.startsWith("bootenv:") || text.startsWith("context:");
    }

    public boolean isAction() {
        return text.startsWith("action:");
    }

    /** "stage", "bootenv", "context", "action", "chroot", or "task". */
    public String kind() {
        return isTask() ? "task" : text.substring(0, text.indexOf(':'));
    }

    /** What follows the kind, e.g. the stage name; the whole text for a plain task. */
    public String argument() {
        return isTask() ? text : text.substring(text.indexOf(':') + 1);
    }
}
