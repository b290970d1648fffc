package dev.drpconsole.ui.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class JobFormatTest {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void durationsAreShortAndPreciseWhereItMatters() {
        assertEquals("3.2 s", JobFormat.duration(Duration.ofMillis(3210)));
        assertEquals("42 s", JobFormat.duration(Duration.ofSeconds(42)));
        assertEquals("4 min 05 s", JobFormat.duration(Duration.ofSeconds(245)));
        assertEquals("2 h 03 min", JobFormat.duration(Duration.ofMinutes(123)));
        assertEquals("", JobFormat.duration(null));
    }

    @Test
    void startTimesShowTheDateOnlyWhenNotToday() {
        assertEquals("11:58:30", JobFormat.started(Instant.parse("2026-11-25T11:58:30Z"), NOW, ZoneOffset.UTC));
        assertEquals("Nov 24, 23:10", JobFormat.started(Instant.parse("2026-11-24T23:10:00Z"), NOW, ZoneOffset.UTC));
        assertEquals("2025-12-31 08:00", JobFormat.started(Instant.parse("2025-12-31T08:00:00Z"), NOW,
                ZoneOffset.UTC));
    }

    @Test
    void timeWindowsCountFromNowAndKeepJobsNotStartedYet() {
        assertTrue(TimeWindow.LAST_HOUR.includes(NOW.minusSeconds(3599), NOW));
        assertFalse(TimeWindow.LAST_HOUR.includes(NOW.minusSeconds(3601), NOW));
        assertTrue(TimeWindow.LAST_HOUR.includes(null, NOW));
        assertTrue(TimeWindow.ALL.includes(Instant.EPOCH, NOW));
    }
}
