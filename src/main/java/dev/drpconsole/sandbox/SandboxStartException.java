package dev.drpconsole.sandbox;

/** The sandbox could not start; the message says why and what to do, in words meant for users. */
public final class SandboxStartException extends Exception {

    public SandboxStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
