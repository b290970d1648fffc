package dev.drpconsole.core.engine;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Turns the engine's log frames into whole {@link LogLine}s. A frame may end mid-line or hold several lines, and
 * stdout and stderr frames interleave, so each stream keeps its own unfinished line until the rest arrives.
 * Not thread-safe: docker-java delivers one stream's frames from a single thread.
 */
final class FrameLineAssembler {

    private final Map<LogStream, LineBuffer> buffers = new EnumMap<>(LogStream.class);
    private final Consumer<LogLine> lines;

    /**
     * @param lines receives each whole line; a line that starts with the engine's RFC 3339 timestamp and a space
     *              (logs requested with timestamps) has it parsed off into {@link LogLine#timestamp()}
     */
    FrameLineAssembler(Consumer<LogLine> lines) {
        this.lines = lines;
        for (LogStream stream : LogStream.values()) {
            buffers.put(stream, new LineBuffer());
        }
    }

    void accept(LogStream stream, byte[] payload) {
        for (String text : buffers.get(stream).append(payload)) {
            lines.accept(toLogLine(stream, text));
        }
    }

    /** Delivers the unfinished last line of each stream; call when the log ends. */
    void finish() {
        buffers.forEach((stream, buffer) -> buffer.finish().ifPresent(text -> lines.accept(toLogLine(stream, text))));
    }

    private static LogLine toLogLine(LogStream stream, String text) {
        int space = text.indexOf(' ');
        String stamp = space < 0 ? text : text.substring(0, space);
        Optional<Instant> time = parseInstant(stamp);
        String rest = time.isEmpty() ? text : space < 0 ? "" : text.substring(space + 1);
        return new LogLine(stream, rest, time);
    }

    private static Optional<Instant> parseInstant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException notATimestamp) {
            return Optional.empty();
        }
    }
}
