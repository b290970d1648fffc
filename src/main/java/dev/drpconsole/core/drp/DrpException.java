package dev.drpconsole.core.drp;

/**
 * Something went wrong talking to a DRP endpoint. The message is plain words a user can read; subclasses say
 * what kind of failure it was so view models can offer the right fix.
 */
public class DrpException extends RuntimeException {

    public DrpException(String message) {
        super(message);
    }

    public DrpException(String message, Throwable cause) {
        super(message, cause);
    }
}
