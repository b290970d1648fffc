package dev.drpconsole.core.engine;

/**
 * An engine over ssh cannot be reached, for a reason read from ssh's own words (its error output and exit code):
 * the UI shows the reason and the fix hint, and may act on the problem (e.g. offer to edit the ssh config when the
 * key was refused). Host keys have their own exception, {@link SshHostKeyException}, as the user may trust one.
 */
public final class SshConnectionException extends EngineUnavailableException {

    /** What went wrong, as far as ssh's output tells. */
    public enum Problem {
        /** Nothing answers at the host's ssh port: refused, no route, timed out. */
        NO_SERVER,
        /** The host name does not resolve. */
        UNKNOWN_HOST_NAME,
        /** The server refused every key (and the console never offers a password). */
        KEY_REFUSED,
        /** The docker CLI's way: there is no {@code docker} command on the remote for {@code dial-stdio}. */
        NO_DOCKER,
        /** The docker CLI's way: the remote {@code docker} cannot reach its engine. */
        REMOTE_ENGINE_DOWN,
        /** Podman's way: the remote socket does not exist or cannot be opened. */
        NO_REMOTE_SOCKET,
        /** Podman's way: the server does not allow forwarding a unix socket. */
        FORWARDING_REFUSED,
        /** Anything else; the reason quotes ssh. */
        OTHER
    }

    private final Problem problem;

    SshConnectionException(Problem problem, String reason, String fixHint) {
        super(reason, fixHint, null);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
