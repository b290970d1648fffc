package dev.drpconsole.core.engine;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cuts a byte stream that arrives in arbitrary chunks into whole text lines. Works on bytes and decodes only
 * whole lines, so a UTF-8 character split across two chunks still decodes correctly. Not thread-safe.
 */
final class LineBuffer {

    private final ByteArrayOutputStream partialLine = new ByteArrayOutputStream();

    /** Adds a chunk and returns the lines it completed, without their "\n" or "\r\n". */
    List<String> append(byte[] chunk, int offset, int length) {
        List<String> lines = new ArrayList<>();
        int lineStart = offset;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            if (chunk[i] == '\n') {
                partialLine.write(chunk, lineStart, i - lineStart);
                lines.add(takeLine());
                lineStart = i + 1;
            }
        }
        partialLine.write(chunk, lineStart, end - lineStart);
        return lines;
    }

    List<String> append(byte[] chunk) {
        return append(chunk, 0, chunk.length);
    }

    /** Whether no unfinished line is waiting, i.e. the next chunk starts a line. */
    boolean isEmpty() {
        return partialLine.size() == 0;
    }

    /** The last line when the stream ended without a line break. */
    Optional<String> finish() {
        return partialLine.size() == 0 ? Optional.empty() : Optional.of(takeLine());
    }

    private String takeLine() {
        String line = partialLine.toString(StandardCharsets.UTF_8);
        partialLine.reset();
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
