package dev.drpconsole.core.engine;

import java.util.regex.Pattern;

/**
 * Hides the values of secret-looking environment variables. A runner container's RS_TOKEN is a machine token
 * valid for years: anyone who sees it (on screen, in a screenshot, in a pasted inspect) can act as that machine.
 */
public final class EnvironmentMask {
    public static final String HIDDEN = "••••••••";
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|AUTH).*");

    private EnvironmentMask() {
    }

    /** @param entry {@code NAME=value}, as the engine reports it */
    static String mask(String entry) {
        int equals = entry.indexOf('=');
        if (equals < 0) {
            return entry;
        }
        String name = entry.substring(0, equals);
        return isSecret(name) ? name + "=" + HIDDEN : entry;
    }

    static boolean isSecret(String name) {
        return SECRET_NAME.matcher(name).matches();
    }
}
