package dev.drpconsole.core.engine;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Turns the engine's log messages into whole {@link LogLine}s. A message is one line or, for a line longer than the
 * engine's 16 KiB buffer, one part of it; stdout and stderr messages interleave, so each stream keeps its own
 * unfinished line until the rest arrives. Not thread-safe: one stream's messages come from a single thread.
 */
final class FrameLineAssembler {

    private final Map<LogStream, LineBuffer> buffers = new EnumMap<>(LogStream.class);
    private final Map<LogStream, Optional<Instant>> lineTimes = new EnumMap<>(LogStream.class);
    private final Consumer<LogLine> lines;

    /**
     * @param lines receives each whole line; when messages start with the engine's RFC 3339 timestamp and a space
     *              (logs requested with timestamps), it is taken off every message, and the first message's becomes
     *              the line's {@link LogLine#timestamp()}
     */
    FrameLineAssembler(Consumer<LogLine> lines) {
        this.lines = lines;
        for (LogStream stream : LogStream.values()) {
            buffers.put(stream, new LineBuffer());
        }
    }

    /** One whole message, as the engine sent it: never a piece of one (its timestamp would go unnoticed). */
    void accept(LogStream stream, byte[] message) {
        LineBuffer buffer = buffers.get(stream);
        int space = indexOfSpace(message);
        Optional<Instant> time = space < 0 ? Optional.empty()
                : parseInstant(new String(message, 0, space, StandardCharsets.US_ASCII));
        int textStart = time.isPresent() ? space + 1 : 0;
        if (buffer.isEmpty()) {
            lineTimes.put(stream, time);
        }
        for (String text : buffer.append(message, textStart, message.length - textStart)) {
            lines.accept(new LogLine(stream, text, lineTimes.get(stream)));
            lineTimes.put(stream, time);
        }
    }

    /** Delivers the unfinished last line of each stream; call when the log ends. */
    void finish() {
        buffers.forEach((stream, buffer) -> buffer.finish()
                .ifPresent(text -> lines.accept(new LogLine(stream, text, lineTimes.get(stream)))));
    }

    /** Where a leading timestamp would end; -1 when the message is too short to start with one. */
    private static int indexOfSpace(byte[] message) {
        int longestTimestamp = 40; // "2026-11-25T09:33:53.777785090+01:00" and a little room
        for (int i = 0; i < Math.min(message.length, longestTimestamp); i++) {
            if (message[i] == ' ') {
                return i;
            }
        }
        return -1;
    }

    private static Optional<Instant> parseInstant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException notATimestamp) {
            return Optional.empty();
        }
    }
}
