package dev.drpconsole.ui.jobs;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the Jobs view writes times and durations: short, and precise where it matters (seconds of a task). */
final class JobFormat {
    private static final DateTimeFormatter TODAY = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter THIS_YEAR = DateTimeFormatter.ofPattern("MMM d, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter OLDER = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private JobFormat() {
    }

    /** "3.2 s", "42 s", "4 min 05 s", "2 h 03 min"; "" for none. */
    static String duration(Duration duration) {
        if (duration == null) {
            return "";
        }
        long millis = duration.toMillis();
        if (millis < 10_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, (seconds % 3600) / 60);
    }

    /** The time of day for today, the date too for older times; "" for none. */
    static String started(Instant started, Instant now, ZoneId zone) {
        if (started == null) {
            return "";
        }
        ZonedDateTime at = started.atZone(zone);
        LocalDate today = now.atZone(zone).toLocalDate();
        if (at.toLocalDate().equals(today)) {
            return TODAY.format(at);
        }
        return at.getYear() == today.getYear() ? THIS_YEAR.format(at) : OLDER.format(at);
    }
}
