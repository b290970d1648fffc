package dev.drpconsole.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * The times the server writes into objects (a job's StartTime and EndTime), as a Go server writes a
 * {@code time.Now()}: RFC3339Nano in the host's local zone, e.g. {@code 2021-03-04T10:11:12.123456789-05:00}
 * (trailing zeros of the fraction dropped, {@code Z} only for UTC) [DRP v4.7.0 models/job.go time.Time fields].
 */
public final class ServerClock {

    /** Go's {@code time.RFC3339Nano}: "2006-01-02T15:04:05.999999999Z07:00". */
    private static final DateTimeFormatter RFC3339_NANO = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .appendOffset("+HH:MM", "Z")
            .toFormatter();

    private final Clock clock;

    public ServerClock(Clock clock) {
        this.clock = clock;
    }

    /** A clock writing the current time in {@code zone}. */
    public static ServerClock in(ZoneId zone) {
        return new ServerClock(Clock.system(zone));
    }

    /** Now, as the server writes it. */
    public String now() {
        return format(clock.instant());
    }

    /** An instant as the server writes it, in its zone. */
    public String format(Instant instant) {
        return RFC3339_NANO.format(instant.atZone(clock.getZone()));
    }
}
