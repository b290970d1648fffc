package dev.drpconsole.ui.logview;

/**
 * The visible part of a stored line, on its UTF-8 bytes: the same escape sequences and control characters
 * {@link AnsiParser} removes are skipped, without decoding. Lets find match coloured lines at byte speed.
 */
final class VisibleBytes {
    private static final int ESC = 0x1b;
    private static final int BEL = 0x07;

    private VisibleBytes() {
    }

    /**
     * Copies the visible bytes of {@code bytes[offset, offset+length)} into {@code target} (at least
     * {@code length} long); returns how many, or -1 for a line only the decoding parser reads right (a C1 CSI).
     */
    static int copy(byte[] bytes, int offset, int length, byte[] target) {
        int end = offset + length;
        int n = 0;
        int i = offset;
        while (i < end) {
            int b = bytes[i] & 0xff;
            if (b == ESC) {
                i = skipEscape(bytes, i + 1, end);
            } else if (b == 0xc2 && i + 1 < end && (bytes[i + 1] & 0xff) == 0x9b) {
                return -1;
            } else {
                if (b >= 0x20 && b != 0x7f || b == '\t') {
                    target[n++] = (byte) b;
                }
                i++;
            }
        }
        return n;
    }

    private static int skipEscape(byte[] bytes, int from, int end) {
        if (from >= end) {
            return end;
        }
        int kind = bytes[from];
        if (kind == '[') {
            for (int i = from + 1; i < end; i++) {
                int c = bytes[i] & 0xff;
                if (c >= 0x40 && c <= 0x7e) {
                    return i + 1;
                }
                if (c < 0x20 || c > 0x7e) {
                    return i;
                }
            }
            return end;
        }
        if (kind == ']' || kind == 'P' || kind == 'X' || kind == '^' || kind == '_') {
            for (int i = from + 1; i < end; i++) {
                if (bytes[i] == BEL) {
                    return i + 1;
                }
                if (bytes[i] == ESC && i + 1 < end && bytes[i + 1] == '\\') {
                    return i + 2;
                }
            }
            return end;
        }
        int i = from;
        while (i < end && bytes[i] >= 0x20 && bytes[i] <= 0x2f) {
            i++;
        }
        return Math.min(i + 1, end);
    }
}
