package dev.drpconsole.core.setup;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Compares DRP versions such as "v4.8.0-tip-27-gabc" by their major, minor and patch numbers. */
public final class DrpVersion {
    private static final Pattern NUMBERS = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    private DrpVersion() {
    }

    /** Whether {@code version} is at least {@code minimum}; an unreadable version is not. */
    public static boolean atLeast(String version, String minimum) {
        int[] have = parse(version);
        int[] want = parse(minimum);
        if (have == null || want == null) {
            return false;
        }
        for (int i = 0; i < 3; i++) {
            if (have[i] != want[i]) {
                return have[i] > want[i];
            }
        }
        return true;
    }

    private static int[] parse(String version) {
        Matcher matcher = NUMBERS.matcher(version == null ? "" : version);
        if (!matcher.find()) {
            return null;
        }
        return new int[] {Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
            matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3))};
    }
}
