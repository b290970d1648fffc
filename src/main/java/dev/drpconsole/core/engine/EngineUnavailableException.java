package dev.drpconsole.core.engine;

/**
 * No engine answers (or none can be used) at the endpoint. Carries a reason and a fix hint in plain words so the UI
 * can show a banner like "No Docker engine answers at unix:///var/run/docker.sock (connection refused) —
 * Start it with: sudo dockerd &amp; (or set DOCKER_HOST to a running engine)".
 */
public class EngineUnavailableException extends EngineException {

    private final String reason;
    private final String fixHint;

    public EngineUnavailableException(String reason, String fixHint, Throwable cause) {
        super(reason, 0, cause);
        this.reason = reason;
        this.fixHint = fixHint;
    }

    /** What is wrong, e.g. "No Docker engine answers at unix:///var/run/docker.sock (connection refused)". */
    public String reason() {
        return reason;
    }

    /** What the user can do about it, e.g. "Add your user to the docker group: sudo usermod -aG docker $USER". */
    public String fixHint() {
        return fixHint;
    }

    @Override
    public String getMessage() {
        return reason + ". " + fixHint;
    }
}
