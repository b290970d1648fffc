package dev.drpconsole.core.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A server's host key that ssh does not know yet, as scanned from the server ({@code ssh-keyscan}) and fingerprinted
 * ({@code ssh-keygen -lf}), ready to be written to the known_hosts file ssh reads for that host. {@link #trust()}
 * writes {@link #knownHostsLine()}, the very key whose fingerprint was shown: a second scan could meet another
 * server.
 */
public final class UnknownHostKey {

    private final String host;
    private final String keyType;
    private final String fingerprint;
    private final String knownHostsLine;
    private final Path knownHostsFile;

    /**
     * @param host           the name ssh looks the key up by, e.g. "[127.0.0.1]:2222"
     * @param keyType        as ssh-keygen says it, e.g. "ED25519"
     * @param fingerprint    e.g. "SHA256:…"
     * @param publicKey      the scanned key: its algorithm and base64 blob, e.g. "ssh-ed25519 AAAA…"
     * @param knownHostsFile the first of ssh's UserKnownHostsFile for that host
     * @param hashHostName   ssh's HashKnownHosts: write the host name hashed, as ssh itself would
     */
    UnknownHostKey(String host, String keyType, String fingerprint, String publicKey, Path knownHostsFile,
                   boolean hashHostName) {
        this.host = Objects.requireNonNull(host, "host");
        this.keyType = Objects.requireNonNull(keyType, "keyType");
        this.fingerprint = Objects.requireNonNull(fingerprint, "fingerprint");
        this.knownHostsFile = Objects.requireNonNull(knownHostsFile, "knownHostsFile");
        this.knownHostsLine = (hashHostName ? hashed(host) : host) + " " + publicKey;
    }

    public String host() {
        return host;
    }

    public String keyType() {
        return keyType;
    }

    public String fingerprint() {
        return fingerprint;
    }

    /** The line {@link #trust()} appends. */
    public String knownHostsLine() {
        return knownHostsLine;
    }

    public Path knownHostsFile() {
        return knownHostsFile;
    }

    /**
     * Appends the key to the known_hosts file (creating it, and a missing {@code ~/.ssh}, private to the user);
     * opening the engine again then gets past the host key.
     *
     * @throws EngineUnavailableException when the file cannot be written
     */
    public void trust() {
        try {
            Path directory = knownHostsFile.toAbsolutePath().getParent();
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            }
            boolean needsLineBreak = Files.exists(knownHostsFile) && Files.size(knownHostsFile) > 0
                    && !Files.readString(knownHostsFile).endsWith("\n");
            Files.writeString(knownHostsFile, (needsLineBreak ? "\n" : "") + knownHostsLine + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new EngineUnavailableException("Cannot add the host key of " + host + " to " + knownHostsFile
                    + " (" + e.getMessage() + ")", "Check that you may write " + knownHostsFile, e);
        }
    }

    /** OpenSSH's hashed host name: {@code |1|base64(salt)|base64(HMAC-SHA1 of the name keyed with the salt)}. */
    static String hashed(String host) {
        byte[] salt = new byte[20];
        new SecureRandom().nextBytes(salt);
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(salt, "HmacSHA1"));
            byte[] hash = mac.doFinal(host.getBytes(StandardCharsets.UTF_8));
            Base64.Encoder base64 = Base64.getEncoder();
            return "|1|" + base64.encodeToString(salt) + "|" + base64.encodeToString(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has HmacSHA1", e);
        }
    }

    @Override
    public String toString() {
        return host + " " + keyType + " " + fingerprint;
    }
}
