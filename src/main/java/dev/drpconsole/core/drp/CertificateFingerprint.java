package dev.drpconsole.core.drp;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/** The SHA-256 fingerprint of a certificate in the form browsers and openssl show (and the sandbox prints). */
public final class CertificateFingerprint {

    private CertificateFingerprint() {
    }

    /** Colon-separated upper-case hex of the SHA-256 of the DER encoding. */
    public static String sha256(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK and the certificate came off the wire", e);
        }
    }
}
