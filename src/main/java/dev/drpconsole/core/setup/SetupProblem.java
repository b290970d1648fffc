package dev.drpconsole.core.setup;

/** A setup step could not do its work: what went wrong and what the user can do, both in plain words. */
public class SetupProblem extends RuntimeException {
    private final String fix;

    public SetupProblem(String message, String fix) {
        super(message);
        this.fix = fix;
    }

    public SetupProblem(String message, String fix, Throwable cause) {
        super(message, cause);
        this.fix = fix;
    }

    /** What the user can do about it. */
    public String fix() {
        return fix;
    }
}
