package dev.drpconsole.core.connection;

import dev.drpconsole.core.drp.DrpCredentials;
import dev.drpconsole.core.drp.UntrustedCertificateException;
import java.util.Optional;

/** How a connection attempt ended, with what the user needs to know about it in plain words. */
public sealed interface ConnectResult {

    EndpointProfile profile();

    record Connected(EndpointProfile profile, ActiveConnection connection) implements ConnectResult {
    }

    /** No password given and no usable stored token: ask the user. */
    record PasswordNeeded(EndpointProfile profile, String reason) implements ConnectResult {
    }

    /**
     * First connection, or the certificate changed: the user decides, then {@link DrpConnections#trust} it.
     *
     * @param given the credentials the attempt came with (a typed password, drpcli's RS_KEY or RS_TOKEN), so that
     *              trusting repeats it as it was instead of asking again for what the user already gave
     */
    record CertificateUntrusted(EndpointProfile profile, UntrustedCertificateException certificate,
                                Optional<DrpCredentials> given) implements ConnectResult {
    }

    /** The endpoint refused the user name and password (or token). */
    record Refused(EndpointProfile profile, String message) implements ConnectResult {
    }

    record Unreachable(EndpointProfile profile, String reason, String fixHint) implements ConnectResult {
    }

    /** Anything else the endpoint or the client reported. */
    record Failed(EndpointProfile profile, String message) implements ConnectResult {
    }
}
