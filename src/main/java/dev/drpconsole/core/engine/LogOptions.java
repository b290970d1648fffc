package dev.drpconsole.core.engine;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Which part of a container's log to follow.
 *
 * @param timestamps ask the engine for each line's receive time
 * @param since      only lines logged at or after this time (second precision); empty for all
 * @param tail       only the last N existing lines before following; empty for all
 */
public record LogOptions(boolean timestamps, Optional<Instant> since, OptionalInt tail) {

    /** The whole log so far, then every new line. */
    public static LogOptions everything() {
        return new LogOptions(false, Optional.empty(), OptionalInt.empty());
    }

    public LogOptions withTimestamps(boolean newTimestamps) {
        return new LogOptions(newTimestamps, since, tail);
    }

    public LogOptions withSince(Instant newSince) {
        return new LogOptions(timestamps, Optional.of(newSince), tail);
    }

    public LogOptions withTail(int lines) {
        return new LogOptions(timestamps, since, OptionalInt.of(lines));
    }
}
