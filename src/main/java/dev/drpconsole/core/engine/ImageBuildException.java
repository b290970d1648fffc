package dev.drpconsole.core.engine;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Dockerfile step failed; carries the engine's error and, when it was reported, the step that failed. */
public class ImageBuildException extends EngineException {

    /** Docker: "returned a non-zero code: 3"; Podman: "exit status 3". */
    private static final Pattern EXIT_CODE = Pattern.compile("(?:returned a non-zero code|exit status):? (\\d+)");

    private final String error;
    private final BuildStep failedStep;

    public ImageBuildException(String error, BuildStep failedStep) {
        super(describe(error, failedStep));
        this.error = error;
        this.failedStep = failedStep;
    }

    /**
     * The engine's error, e.g. "The command '/bin/sh -c exit 3' returned a non-zero code: 3" (Docker) or
     * "building at STEP \"RUN exit 3\": while running runtime: exit status 3" (Podman).
     */
    public String error() {
        return error;
    }

    /** The failed command's exit code, when the engine's error gives one. */
    public OptionalInt exitCode() {
        Matcher matcher = EXIT_CODE.matcher(error);
        return matcher.find() ? OptionalInt.of(Integer.parseInt(matcher.group(1))) : OptionalInt.empty();
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
