package dev.drpconsole.testsupport;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Whether a log holds a secret: any of the given ones (by kind: "the admin password", "RS_TOKEN of …"), or any
 * token the sandbox signs ({@code drp1.<payload>.<signature>}) even one the test did not know of. A failure names the
 * kind and where, never the secret itself (the failure lands in reports that are kept).
 */
public final class SecretScan {
    private static final Pattern ANY_SANDBOX_TOKEN = Pattern.compile("drp1\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}");

    private SecretScan() {
    }

    public static void assertNoSecretIn(String where, String text, Map<String, String> secrets) {
        for (Map.Entry<String, String> secret : secrets.entrySet()) {
            if (text.contains(secret.getValue())) {
                throw new AssertionError(secret.getKey() + " is in " + where);
            }
        }
        if (ANY_SANDBOX_TOKEN.matcher(text).find()) {
            throw new AssertionError("a sandbox token (drp1.…) is in " + where);
        }
    }

    /** The Basic authorization value a client sends for this user and password (base64 of "user:password"). */
    public static String basic(String user, String password) {
        return java.util.Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
