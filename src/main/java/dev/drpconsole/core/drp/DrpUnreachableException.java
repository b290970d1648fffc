package dev.drpconsole.core.drp;

/** No answer from the endpoint (refused, timed out, name not found, connection dropped). */
public class DrpUnreachableException extends DrpException {
    private final String fixHint;

    public DrpUnreachableException(String message, String fixHint, Throwable cause) {
        super(message, cause);
        this.fixHint = fixHint;
    }

    /** What the user can do about it, in plain words. */
    public String fixHint() {
        return fixHint;
    }
}
