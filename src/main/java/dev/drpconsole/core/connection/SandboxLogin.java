package dev.drpconsole.core.connection;

import dev.drpconsole.core.engine.EngineChoice;
import dev.drpconsole.core.setup.ShellWords;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How a user reaches the console's own sandbox from outside the console: its address, the admin's user and
 * password, the certificate's fingerprint to check, and a drpcli line to try. The password is held in memory only
 * (the sandbox keeps it in its data dir, {@code passwordFile}).
 *
 * @param url               e.g. {@code https://127.0.0.1:8092}, without a trailing slash
 * @param certificateSha256 the SHA-256 fingerprint of the sandbox's self-signed certificate
 * @param onDrpPort         false when DRP's port 8092 was taken and the sandbox took another
 * @param runnerEngine      the engine the sandbox's runner containers run on, e.g.
 *                          {@code unix:///run/podman/podman.sock}: the endpoint's runner engine, which the console can
 *                          open from this machine; empty when the sandbox runs no runners
 */
public record SandboxLogin(String url, String user, String password, Path passwordFile, String certificateSha256,
                           boolean onDrpPort, Optional<EngineChoice> runnerEngine) {

    public SandboxLogin {
        Objects.requireNonNull(runnerEngine, "runnerEngine");
    }

    /** A drpcli command that proves the login works, e.g. {@code RS_ENDPOINT=… RS_KEY=user:pw drpcli info get}. */
    public String drpcliLine() {
        return "RS_ENDPOINT=" + ShellWords.quote(url) + " RS_KEY=" + ShellWords.quote(user + ":" + password)
                + " drpcli info get";
    }

    /** Whether a client's URL is this sandbox's. */
    public boolean isAt(String clientUrl) {
        return clientUrl != null && clientUrl.replaceAll("/+$", "").equals(url);
    }

    @Override
    public String toString() {
        return "SandboxLogin[" + url + ", " + user + "]"; // never the password, not even in a log
    }
}
