package dev.drpconsole.sandbox.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The {@code PasswordHash} of users other than the admin, set with {@code PUT /users/<name>/password}. DRP keeps a
 * scrypt hash there (P:doc/arch/auth.rst "PasswordHash"); the JDK has PBKDF2, which serves the same purpose here:
 * {@code pbkdf2-sha256$<iterations>$<salt>$<hash>}, base64.
 */
public final class UserPasswords {
    private static final int ITERATIONS = 50_000;

    private UserPasswords() {
    }

    public static String hash(String password) {
        byte[] salt = Secrets.bytes(16);
        return "pbkdf2-sha256$" + ITERATIONS + "$" + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(derive(password, salt, ITERATIONS));
    }

    /** Compares in constant time; a hash in another format never matches. */
    public static boolean matches(String hash, String candidate) {
        String[] parts = hash.split("\\$");
        if (parts.length != 4 || !"pbkdf2-sha256".equals(parts[0])) {
            return false;
        }
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        return MessageDigest.isEqual(expected, derive(candidate, Base64.getDecoder().decode(parts[2]),
                Integer.parseInt(parts[1])));
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(new PBEKeySpec(
                    password.toCharArray(), salt, iterations, 256)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
        }
    }
}
