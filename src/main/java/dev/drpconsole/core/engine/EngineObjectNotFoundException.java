package dev.drpconsole.core.engine;

/** The container or image named in the call does not exist (any more). */
public class EngineObjectNotFoundException extends EngineException {

    public EngineObjectNotFoundException(String message, Throwable cause) {
        super(message, 404, cause);
    }
}
