package dev.drpconsole.core.drp;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trust on first use for one {@code host:port}: the leaf certificate is trusted exactly when its SHA-256 equals
 * the pinned one. DRP endpoints use self-signed certificates, so CA chains and host names mean nothing here: the
 * pin is the endpoint's identity. A missing or different pin fails the handshake with a
 * {@link CertificateException} carrying an {@link UntrustedCertificateException}, which the client unwraps; this
 * class never trusts anything silently.
 *
 * <p>It extends {@link X509ExtendedTrustManager} so the JDK does not wrap it with its own host name checks.
 */
final class PinningTrustManager extends X509ExtendedTrustManager {

    /** Carries the typed refusal through JSSE, which only lets CertificateExceptions out of a trust manager. */
    static final class Refused extends CertificateException {
        Refused(UntrustedCertificateException untrusted) {
            super(untrusted.getMessage(), untrusted);
        }

        UntrustedCertificateException untrusted() {
            return (UntrustedCertificateException) getCause();
        }
    }

    private final String hostPort;
    private final CertificatePins pins;

    PinningTrustManager(String hostPort, CertificatePins pins) {
        this.hostPort = hostPort;
        this.pins = pins;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException(hostPort + " presented no certificate");
        }
        X509Certificate leaf = chain[0];
        String presented = CertificateFingerprint.sha256(leaf);
        String pinned = pins.pinned(hostPort).orElse(null);
        if (presented.equalsIgnoreCase(pinned)) {
            return;
        }
        throw new Refused(new UntrustedCertificateException(hostPort, presented, pinned,
                leaf.getSubjectX500Principal().getName()));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("This trust manager only checks servers");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
