package dev.drpconsole.core.drp;

import java.util.Optional;

/** Trust on first use: the certificate fingerprint accepted for each {@code host:port}. */
public interface CertificatePins {

    Optional<String> pinned(String hostPort);

    /** Remembers (or replaces) the fingerprint the user accepted. */
    void pin(String hostPort, String sha256);
}
