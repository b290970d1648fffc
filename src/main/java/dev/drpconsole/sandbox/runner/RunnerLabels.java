package dev.drpconsole.sandbox.runner;

/**
 * Labels on every runner container the sandbox starts, so it finds its own containers after a restart and never
 * touches anyone else's.
 */
final class RunnerLabels {

    /** Which sandbox (data dir) owns the container. */
    static final String ENDPOINT = "dev.drpconsole.sandbox.endpoint";
    /** The machine the runner works for. */
    static final String MACHINE = "dev.drpconsole.sandbox.machine";
    /** The context (and so RS_CONTEXT) it runs. */
    static final String CONTEXT = "dev.drpconsole.sandbox.context";
    /** The image it was started from, as the context named it. */
    static final String IMAGE = "dev.drpconsole.sandbox.image";
    /** The API URL in its RS_ENDPOINTS; a sandbox on another port must restart it. */
    static final String URL = "dev.drpconsole.sandbox.url";
    /** "action" when started by the agentStart action rather than by the machine's Context. */
    static final String STARTED_BY = "dev.drpconsole.sandbox.started-by";

    private RunnerLabels() {
    }
}
