package dev.drpconsole.sandbox.objects;

/** A JSON Patch that cannot be applied: the failing operation's index and why. */
public final class JsonPatchException extends Exception {

    private final int line;
    private final boolean testFailed;

    JsonPatchException(int line, String reason, boolean testFailed) {
        super(reason);
        this.line = line;
        this.testFailed = testFailed;
    }

    /** Index of the failing operation, as DRP's "Patch error at line N" counts. */
    public int line() {
        return line;
    }

    public boolean testFailed() {
        return testFailed;
    }
}
