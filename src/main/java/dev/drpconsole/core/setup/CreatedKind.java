package dev.drpconsole.core.setup;

/** The kinds of things the setup wizard creates, each removed its own way by {@link SetupTargets}. */
public enum CreatedKind {
    /** An image on the container engine, by tag; or a tag the build moved off an earlier image. */
    IMAGE,
    /**
     * The image on the runner engine, by tag, that the endpoint's plugin loads from the uploaded file when the runner
     * engine did not hold it before (on the DRP server's engine, not this machine's).
     */
    RUNNER_IMAGE,
    /** A file on the endpoint, by path under files/. */
    FILE,
    /** A content pack on the endpoint, by name. */
    CONTENT_PACK,
    /** A context, by name. */
    CONTEXT,
    /** The settings of an existing context the user let the wizard replace, by name; clean-up puts them back. */
    CONTEXT_SETTINGS,
    /** A machine, by UUID. */
    MACHINE,
    /**
     * A throwaway container on the build engine, by name: the look into the base image, removed as soon as it has
     * answered; recorded so that a console killed meanwhile leaves it to clean-up, not on the engine for good.
     */
    CONTAINER
}
