package dev.drpconsole.core.engine;

import java.util.Optional;

/** A Dockerfile step failed; carries the engine's error and, when it was reported, the step that failed. */
public class ImageBuildException extends EngineException {

    private final String error;
    private final BuildStep failedStep;

    public ImageBuildException(String error, BuildStep failedStep) {
        super(describe(error, failedStep));
        this.error = error;
        this.failedStep = failedStep;
    }

    /** The engine's error, e.g. "The command '/bin/sh -c exit 3' returned a non-zero code: 3". */
    public String error() {
        return error;
    }

    /** The Dockerfile step that was running when the build failed; empty if it failed before the first step. */
    public Optional<BuildStep> failedStep() {
        return Optional.ofNullable(failedStep);
    }

    private static String describe(String error, BuildStep step) {
        return step == null ? "Image build failed: " + error
                : "Image build failed at step " + step.number() + "/" + step.total() + " (" + step.instruction() + "): "
                        + error;
    }
}
