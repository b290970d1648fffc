package dev.drpconsole.sandbox.auth;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a token {@code ttl} the way DRP v4 does ({@code models.ParseDuration}): a number with an optional unit
 * (ns, us, ms, s, m, h, d, w, mo, y; seconds when none), or {@code never} (about 100 years). drpcli asks for
 * {@code ttl=7200}; the docker-context contract suggests {@code ttl=3y} for runner tokens.
 */
public final class TokenLifetime {

    public static final Duration DEFAULT = Duration.ofHours(1);
    private static final Duration NEVER = Duration.ofDays(365L * 100);
    private static final Pattern FORM = Pattern.compile("^([0-9]*\\.?[0-9]+)\\s?([a-zµμ]*)$");

    private TokenLifetime() {
    }

    /**
     * @throws IllegalArgumentException with DRP's message when the text is not a duration
     */
    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT;
        }
        if ("never".equals(text)) {
            return NEVER;
        }
        Matcher matcher = FORM.matcher(text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Invalid duration '" + text + "': number not valid");
        }
        double amount = Double.parseDouble(matcher.group(1));
        long nanosPerUnit = unitNanos(matcher.group(2), text);
        return Duration.ofNanos((long) (amount * nanosPerUnit));
    }

    private static long unitNanos(String unit, String text) {
        if (unit.isEmpty() || unit.startsWith("s")) {
            return 1_000_000_000L;
        }
        if (unit.startsWith("mo")) {
            return Duration.ofDays(30).toNanos();
        }
        if (unit.startsWith("ms")) {
            return 1_000_000L;
        }
        if (unit.startsWith("ns")) {
            return 1L;
        }
        if (unit.startsWith("us") || unit.startsWith("µs") || unit.startsWith("μs")) {
            return 1_000L;
        }
        return switch (unit.charAt(0)) {
            case 'm' -> Duration.ofMinutes(1).toNanos();
            case 'h' -> Duration.ofHours(1).toNanos();
            case 'd' -> Duration.ofDays(1).toNanos();
            case 'w' -> Duration.ofDays(7).toNanos();
            case 'y' -> Duration.ofDays(365).toNanos();
            default -> throw new IllegalArgumentException("Invalid duration '" + text + "': unit must be [ns] "
                    + "nanoseconds, [us] microseconds, [ms] milliseconds, [s]seconds, [m]inutes, [h]ours, [d]ays, "
                    + "[w]eeks, [mo]nths, [y]ears, or never");
        };
    }
}
