package dev.drpconsole.ui.logview;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Case-insensitive search for one query, in the text a user sees (escape sequences removed). Lines without an
 * escape byte and an ASCII query are matched straight on the stored UTF-8 bytes, without decoding: that is
 * what lets a million lines be searched in a fraction of a second.
 */
final class LineMatcher {
    private static final byte ESC = 0x1b;

    private final String query;
    private final String lowerQuery;
    private final byte[] asciiLower;

    LineMatcher(String query) {
        this.query = query;
        this.lowerQuery = query.toLowerCase(Locale.ROOT);
        byte[] bytes = lowerQuery.getBytes(StandardCharsets.UTF_8);
        this.asciiLower = bytes.length == lowerQuery.length() ? bytes : null;
    }

    String query() {
        return query;
    }

    boolean isEmpty() {
        return query.isEmpty();
    }

    /** Whether the stored line (raw UTF-8, possibly with escape sequences) contains the query. */
    boolean matches(byte[] bytes, int offset, int length) {
        if (query.isEmpty()) {
            return false;
        }
        if (asciiLower != null && indexOf(bytes, offset, length, ESC) < 0) {
            return containsIgnoringAsciiCase(bytes, offset, length);
        }
        String plain = AnsiParser.strip(new String(bytes, offset, length, StandardCharsets.UTF_8));
        return !ranges(plain).isEmpty();
    }

    /** Start and end offsets of every match in visible text, as [start0, end0, start1, end1, ...]. */
    Ranges ranges(String plain) {
        if (query.isEmpty()) {
            return Ranges.NONE;
        }
        String lower = plain.toLowerCase(Locale.ROOT);
        // Lower-casing can change length for a few characters (e.g. 'İ'); offsets then are only approximate,
        // which costs a slightly misplaced highlight, never a missed line.
        int[] found = new int[8];
        int n = 0;
        for (int at = lower.indexOf(lowerQuery); at >= 0; at = lower.indexOf(lowerQuery, at + lowerQuery.length())) {
            if (n + 2 > found.length) {
                found = Arrays.copyOf(found, found.length * 2);
            }
            found[n++] = Math.min(at, plain.length());
            found[n++] = Math.min(at + lowerQuery.length(), plain.length());
        }
        return n == 0 ? Ranges.NONE : new Ranges(Arrays.copyOf(found, n));
    }

    private boolean containsIgnoringAsciiCase(byte[] bytes, int offset, int length) {
        int last = offset + length - asciiLower.length;
        byte firstLower = asciiLower[0];
        for (int i = offset; i <= last; i++) {
            if (lower(bytes[i]) != firstLower) {
                continue;
            }
            int j = 1;
            while (j < asciiLower.length && lower(bytes[i + j]) == asciiLower[j]) {
                j++;
            }
            if (j == asciiLower.length) {
                return true;
            }
        }
        return false;
    }

    private static byte lower(byte b) {
        return b >= 'A' && b <= 'Z' ? (byte) (b + 32) : b;
    }

    private static int indexOf(byte[] bytes, int offset, int length, byte wanted) {
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** Match offsets in one line, as start/end pairs. */
    record Ranges(int[] bounds) {
        static final Ranges NONE = new Ranges(new int[0]);

        boolean isEmpty() {
            return bounds.length == 0;
        }

        int count() {
            return bounds.length / 2;
        }

        int start(int i) {
            return bounds[2 * i];
        }

        int end(int i) {
            return bounds[2 * i + 1];
        }
    }
}
