package dev.drpconsole.core.engine;

import java.time.Instant;
import java.util.Optional;

/**
 * One whole line of container output.
 *
 * @param stream    stdout or stderr
 * @param text      the line without its line break (and without the engine's timestamp prefix)
 * @param timestamp when the engine received it; only present when timestamps were requested
 */
public record LogLine(LogStream stream, String text, Optional<Instant> timestamp) {

    public static LogLine of(LogStream stream, String text) {
        return new LogLine(stream, text, Optional.empty());
    }
}
