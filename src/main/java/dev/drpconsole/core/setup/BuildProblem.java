package dev.drpconsole.core.setup;

/** The image build failed at a Dockerfile line the user can fix and build again. */
public final class BuildProblem extends SetupProblem {
    private final int line;

    public BuildProblem(String message, String fix, int line, Throwable cause) {
        super(message, fix, cause);
        this.line = line;
    }

    /** The failing instruction's 1-based line in the Dockerfile; 0 when the engine did not say which. */
    public int line() {
        return line;
    }
}
