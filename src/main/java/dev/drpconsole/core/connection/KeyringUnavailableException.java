package dev.drpconsole.core.connection;

/**
 * The system keyring cannot keep a token here: no session bus, no {@code secret-tool}, a locked collection, a daemon
 * that does not answer. The message says why in words for the user (never a token: the tool's stderr does not
 * echo its input).
 */
final class KeyringUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    KeyringUnavailableException(String reason) {
        super(reason);
    }
}
