package dev.drpconsole.sandbox.auth;

import java.security.SecureRandom;
import java.util.Base64;

/** Random secrets: machine and user {@code Secret} fields, generated passwords, signing keys. */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** A random string of URL-safe characters, like DRP's 16-character machine secrets. */
    public static String text(int length) {
        byte[] bytes = new byte[(length * 3 + 3) / 4];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).substring(0, length);
    }

    public static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
