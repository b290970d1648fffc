package dev.drpconsole.core.engine;

/**
 * The engine refused or failed an operation. The message is plain words fit to show a user
 * (e.g. "No such container: drp-runner-42"), not a transport dump.
 */
public class EngineException extends RuntimeException {

    /** HTTP status the engine answered with, or 0 when the failure happened before an answer. */
    private final int statusCode;

    public EngineException(String message, int statusCode, Throwable cause) {
        super(message, cause);
        this.statusCode = statusCode;
    }

    public EngineException(String message) {
        this(message, 0, null);
    }

    public int statusCode() {
        return statusCode;
    }

    /** The engine answered 409: e.g. the name is in use, or a running container cannot be removed without force. */
    public boolean isConflict() {
        return statusCode == 409;
    }
}
