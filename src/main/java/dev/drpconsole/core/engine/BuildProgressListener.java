package dev.drpconsole.core.engine;

/**
 * Follows an image build. Called on a docker-java stream thread, in output order.
 */
public interface BuildProgressListener {

    /** A new Dockerfile step started. */
    default void onStep(BuildStep step) {
    }

    /** One whole line of build output (step announcements included), without its line break. */
    default void onOutput(String line) {
    }

    /** The engine reported the build as failed; the build call then throws {@link ImageBuildException}. */
    default void onError(String message) {
    }

    /** A listener for callers that only want the result. */
    static BuildProgressListener ignoring() {
        return new BuildProgressListener() {
        };
    }
}
