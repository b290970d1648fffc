package dev.drpconsole.sandbox.runner;

/** A runner container could not be started or stopped; the message says why in plain words. */
public final class RunnerException extends RuntimeException {

    public RunnerException(String message) {
        super(message);
    }

    public RunnerException(String message, Throwable cause) {
        super(message, cause);
    }
}
