package dev.drpconsole.core.engine;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * ssh refused to go on because of the server's host key: the key is not known yet ({@link Kind#UNKNOWN}: the UI
 * shows its fingerprint and asks "Trust it?", see {@link #unknownKey()}), or it differs from the one known
 * ({@link Kind#CHANGED}: possibly an attack, never trusted from here). The console never lets ssh accept a key on
 * its own ({@code StrictHostKeyChecking=yes}).
 */
public final class SshHostKeyException extends EngineUnavailableException {

    public enum Kind { UNKNOWN, CHANGED }

    private final Kind kind;
    private final String host;
    private final String keyType;
    private final String fingerprint;
    private final UnknownHostKey unknownKey;

    private SshHostKeyException(Kind kind, String host, String keyType, String fingerprint, UnknownHostKey unknownKey,
                                String reason, String fixHint) {
        super(reason, fixHint, null);
        this.kind = kind;
        this.host = Objects.requireNonNull(host, "host");
        this.keyType = keyType;
        this.fingerprint = fingerprint;
        this.unknownKey = unknownKey;
    }

    /** A key nobody knows yet, scanned so the user can compare its fingerprint and trust it. */
    static SshHostKeyException unknown(UnknownHostKey key) {
        return new SshHostKeyException(Kind.UNKNOWN, key.host(), key.keyType(), key.fingerprint(), key,
                "The host key of " + key.host() + " is not known: " + key.keyType() + " " + key.fingerprint(),
                "Trust it if the server's admin confirms this fingerprint (on the server: ssh-keygen -lf"
                        + " /etc/ssh/ssh_host_" + key.keyType().toLowerCase(Locale.ROOT)
                        + "_key.pub); it is then added to " + key.knownHostsFile());
    }

    /** A key not known, which could not be scanned (e.g. the host is reached through a jump host). */
    static SshHostKeyException unknownUnscanned(String host, String keyType, String why, String sshCommand) {
        return new SshHostKeyException(Kind.UNKNOWN, host, keyType, null, null,
                "The " + keyType + " host key of " + host + " is not known, and reading it failed (" + why + ")",
                "Connect once in a terminal, compare the fingerprint with the server's admin and accept it: "
                        + sshCommand);
    }

    /**
     * @param removeCommand the {@code ssh-keygen -R} command that removes the old key from the file it is in
     */
    static SshHostKeyException changed(String host, String keyType, String fingerprint, String removeCommand) {
        String shown = keyType + (fingerprint == null ? "" : " " + fingerprint);
        return new SshHostKeyException(Kind.CHANGED, host, keyType, fingerprint, null,
                "The host key of " + host + " has changed: the server now shows " + shown
                        + ", not the key known for it",
                "This may be an attack: someone between you and the server. If the server was reinstalled, check"
                        + " the new fingerprint with its admin, then remove the old key with: " + removeCommand
                        + " and connect again");
    }

    public Kind kind() {
        return kind;
    }

    /** The host as ssh names it in known_hosts, e.g. "drp1" or "[10.0.0.5]:2222". */
    public String host() {
        return host;
    }

    /** e.g. "ED25519", "ECDSA", "RSA". */
    public String keyType() {
        return keyType;
    }

    /** e.g. "SHA256:mHk3TV0ctJE9vY5R5rcSWTEPqOLqWv9LhTOfg4yUjsc", when ssh or the scan told it. */
    public Optional<String> fingerprint() {
        return Optional.ofNullable(fingerprint);
    }

    /** For {@link Kind#UNKNOWN} with a scanned key: the key to show and, when the user says so, trust. */
    public Optional<UnknownHostKey> unknownKey() {
        return Optional.ofNullable(unknownKey);
    }
}
