package dev.drpconsole.sandbox.tls;

import dev.drpconsole.sandbox.auth.Secrets;
import dev.drpconsole.sandbox.store.AtomicFiles;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;

/**
 * The sandbox's self-signed server certificate, generated on first start and kept in the data dir
 * ({@value #CERTIFICATE_FILE}, and {@value #KEY_FILE} readable by the owner only) so clients that pinned it keep
 * trusting the sandbox across restarts. An EC P-256 key keeps the handshake cheap: Go clients give the TLS
 * handshake only one second.
 */
public final class SandboxCertificate {

    public static final String CERTIFICATE_FILE = "tls/server.crt";
    public static final String KEY_FILE = "tls/server.key";
    private static final Duration VALIDITY = Duration.ofDays(3650);
    private static final String ALIAS = "sandbox";

    private final X509Certificate certificate;
    private final PrivateKey privateKey;

    private SandboxCertificate(X509Certificate certificate, PrivateKey privateKey) {
        this.certificate = certificate;
        this.privateKey = privateKey;
    }

    /** The certificate kept in the data dir, generating it on first start. */
    public static SandboxCertificate keptIn(Path dataDir) throws IOException {
        Path certificateFile = dataDir.resolve(CERTIFICATE_FILE);
        Path keyFile = dataDir.resolve(KEY_FILE);
        try {
            if (Files.isRegularFile(certificateFile) && Files.isRegularFile(keyFile)) {
                return read(certificateFile, keyFile);
            }
            SandboxCertificate generated = generate();
            AtomicFiles.writePrivate(keyFile, pem(new JcaPKCS8Generator(generated.privateKey, null))
                    .getBytes(StandardCharsets.US_ASCII));
            AtomicFiles.write(certificateFile, pem(generated.certificate).getBytes(StandardCharsets.US_ASCII));
            return generated;
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("Cannot make or read the sandbox's TLS certificate in " + dataDir + ": "
                    + e.getMessage(), e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** SHA-256 fingerprint, colon-separated upper-case hex, the form browsers and openssl show. */
    public String sha256Fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** A key store holding the key and certificate, for the HTTPS connector. */
    public KeyStore keyStore(char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, privateKey, password, new X509Certificate[] {certificate});
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("An in-memory PKCS12 store always accepts an EC key", e);
        }
    }

    private static SandboxCertificate generate() throws GeneralSecurityException, OperatorCreationException,
            IOException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        X500Name subject = new X500Name("CN=DRP Context Console sandbox,O=drp-context-console");
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                new BigInteger(1, Secrets.bytes(16)), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(VALIDITY)), subject, keys.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
            new GeneralName(GeneralName.iPAddress, InetAddress.getByName("::1").getHostAddress()),
            new GeneralName(GeneralName.dNSName, "localhost")}));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        X509CertificateHolder holder = builder.build(new JcaContentSignerBuilder("SHA256withECDSA")
                .build(keys.getPrivate()));
        return new SandboxCertificate(new JcaX509CertificateConverter().getCertificate(holder), keys.getPrivate());
    }

    private static SandboxCertificate read(Path certificateFile, Path keyFile) throws IOException,
            GeneralSecurityException {
        X509Certificate certificate;
        try (PEMParser parser = new PEMParser(new StringReader(Files.readString(certificateFile)))) {
            certificate = new JcaX509CertificateConverter().getCertificate((X509CertificateHolder) parser.readObject());
        }
        PrivateKey key;
        try (PEMParser parser = new PEMParser(new StringReader(Files.readString(keyFile)))) {
            Object parsed = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            key = parsed instanceof PEMKeyPair pair ? converter.getKeyPair(pair).getPrivate()
                    : converter.getPrivateKey((PrivateKeyInfo) parsed);
        }
        return new SandboxCertificate(certificate, key);
    }

    private static String pem(Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            if (object instanceof JcaPKCS8Generator generator) {
                writer.writeObject(generator.generate());
            } else {
                writer.writeObject(object);
            }
        }
        return text.toString();
    }
}
