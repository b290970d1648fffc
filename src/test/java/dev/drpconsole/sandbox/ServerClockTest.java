package dev.drpconsole.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Times as Go's {@code time.RFC3339Nano} writes a local time: the zone's offset, the fraction without trailing 0s. */
class ServerClockTest {

    private static String at(String instant, ZoneId zone) {
        return new ServerClock(Clock.fixed(Instant.parse(instant), zone)).now();
    }

    @Test
    void writesTheLocalTimeWithItsOffsetAndOnlyTheDigitsTheFractionNeeds() {
        assertEquals("2021-03-04T10:11:12.12-05:00", at("2021-03-04T15:11:12.120Z", ZoneOffset.ofHours(-5)));
        assertEquals("2021-03-04T10:11:12.123456789-05:00", at("2021-03-04T15:11:12.123456789Z",
                ZoneId.of("America/New_York")));
        assertEquals("2021-07-04T17:11:12+02:00", at("2021-07-04T15:11:12Z", ZoneId.of("Europe/Berlin")));
        assertEquals("2021-03-04T15:11:12.5Z", at("2021-03-04T15:11:12.5Z", ZoneOffset.UTC));
    }
}
