package dev.drpconsole.core.drp;

import java.util.Optional;

/**
 * The endpoint's TLS certificate is not the one pinned for it, or none is pinned yet (first use). The console
 * shows the fingerprint(s) and lets the user trust the certificate; a changed certificate is never trusted
 * silently.
 */
public class UntrustedCertificateException extends DrpException {
    private final String hostPort;
    private final String presentedSha256;
    private final String pinnedSha256;
    private final String subject;

    public UntrustedCertificateException(String hostPort, String presentedSha256, String pinnedSha256,
                                         String subject) {
        super(pinnedSha256 == null
                ? "First connection to " + hostPort + ": its certificate (SHA-256 " + presentedSha256
                        + ") is not trusted yet"
                : "The certificate of " + hostPort + " changed: it was SHA-256 " + pinnedSha256 + ", now "
                        + presentedSha256);
        this.hostPort = hostPort;
        this.presentedSha256 = presentedSha256;
        this.pinnedSha256 = pinnedSha256;
        this.subject = subject;
    }

    /** {@code host:port} the pin belongs to. */
    public String hostPort() {
        return hostPort;
    }

    /** Colon-separated upper-case hex SHA-256 of the certificate the endpoint presented. */
    public String presentedSha256() {
        return presentedSha256;
    }

    /** The fingerprint pinned before; empty on first use. */
    public Optional<String> pinnedSha256() {
        return Optional.ofNullable(pinnedSha256);
    }

    public boolean isFirstUse() {
        return pinnedSha256 == null;
    }

    /** The certificate's subject, to show beside the fingerprint. */
    public String subject() {
        return subject;
    }
}
