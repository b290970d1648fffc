package dev.drpconsole.sandbox.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.sandbox.SandboxJson;
import dev.drpconsole.sandbox.store.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and checks the sandbox's tokens: {@code drp1.<payload>.<signature>}, the payload a small JSON claim set
 * and the signature an HMAC-SHA256 over it with a grantor key kept (0600) in the data dir. Tokens therefore survive
 * a restart (runner containers keep working) and are opaque to clients, as DRP's are.
 */
public final class TokenSigner {

    static final String FILE_NAME = "token-signing-key";
    private static final String PREFIX = "drp1.";
    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final byte[] key;

    private TokenSigner(byte[] key) {
        this.key = key;
    }

    /** The signer whose key is kept in the data dir, generated on first start. */
    public static TokenSigner keptIn(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE_NAME);
        if (Files.isRegularFile(file) && Files.size(file) >= 32) {
            return new TokenSigner(Files.readAllBytes(file));
        }
        byte[] key = Secrets.bytes(32);
        AtomicFiles.writePrivate(file, key);
        return new TokenSigner(key);
    }

    public String issue(Principal principal, Duration lifetime, String principalSecret) {
        ObjectNode payload = SandboxJson.object();
        payload.put("kind", principal.kind().name());
        payload.put("name", principal.name());
        payload.put("exp", Instant.now().plus(lifetime).getEpochSecond());
        payload.put("sec", fingerprint(principalSecret));
        String body = ENCODER.encodeToString(SandboxJson.bytes(payload));
        return PREFIX + body + "." + ENCODER.encodeToString(sign(body));
    }

    /** The claims of a well-formed token with a good signature; empty for anything else. Expiry is not checked. */
    public Optional<TokenClaims> verify(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = token.substring(PREFIX.length()).split("\\.");
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            if (!MessageDigest.isEqual(sign(parts[0]), DECODER.decode(parts[1]))) {
                return Optional.empty();
            }
            JsonNode payload = SandboxJson.parse(DECODER.decode(parts[0]));
            Principal principal = new Principal(Principal.Kind.valueOf(payload.path("kind").asText()),
                    payload.path("name").asText());
            return Optional.of(new TokenClaims(principal, Instant.ofEpochSecond(payload.path("exp").asLong()),
                    payload.path("sec").asText()));
        } catch (IllegalArgumentException | IOException e) {
            return Optional.empty();
        }
    }

    /** A short, one-way fingerprint of a principal's secret, so a token does not carry the secret itself. */
    public static String fingerprint(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return ENCODER.encodeToString(java.util.Arrays.copyOf(digest, 9));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private byte[] sign(String body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
