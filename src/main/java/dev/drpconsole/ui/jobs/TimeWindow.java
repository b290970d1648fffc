package dev.drpconsole.ui.jobs;

import java.time.Duration;
import java.time.Instant;

/** How far back the Jobs view looks, by a job's start time. */
public enum TimeWindow {
    LAST_HOUR("Last hour", Duration.ofHours(1)),
    LAST_DAY("Last 24 hours", Duration.ofDays(1)),
    LAST_WEEK("Last 7 days", Duration.ofDays(7)),
    ALL("Any time", null);

    private final String label;
    private final Duration span;

    TimeWindow(String label, Duration span) {
        this.label = label;
        this.span = span;
    }

    /** A job that has not started yet counts as now. */
    public boolean includes(Instant started, Instant now) {
        return span == null || started == null || !started.isBefore(now.minus(span));
    }

    @Override
    public String toString() {
        return label;
    }
}
