package dev.drpconsole.core.drp;

/**
 * Where complete UTF-8 characters end in a chunk of bytes. A byte range read of a growing log may stop inside a
 * multi-byte character; reading stops before it, and the next read starts at its first byte.
 */
final class Utf8Boundary {

    private Utf8Boundary() {
    }

    /** How many bytes of {@code bytes[start, end)}, from {@code start}, do not end inside a character. */
    static int completeLength(byte[] bytes, int start, int end) {
        int length = end - start;
        // Look back at most 3 bytes for the lead byte of the last character.
        for (int back = 1; back <= Math.min(3, length); back++) {
            int b = bytes[end - back] & 0xFF;
            if ((b & 0xC0) == 0x80) {
                continue; // a continuation byte: keep looking for the lead byte
            }
            int needed = b < 0x80 ? 1 : (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 1;
            return back >= needed ? length : length - back;
        }
        // Only continuation bytes at the end: not UTF-8 we can finish, so hand it over as it is.
        return length;
    }
}
