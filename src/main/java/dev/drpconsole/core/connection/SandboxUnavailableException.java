package dev.drpconsole.core.connection;

/** The local sandbox cannot start (its port and every other taken, its data folder unusable…); the message says why. */
public final class SandboxUnavailableException extends Exception {

    public SandboxUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public SandboxUnavailableException(String message) {
        super(message);
    }
}
