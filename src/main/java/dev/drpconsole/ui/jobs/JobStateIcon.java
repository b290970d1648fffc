package dev.drpconsole.ui.jobs;

import dev.drpconsole.ui.common.Icon;

/** The icon of a job's state, in the table and in the details; colours come from CSS ({@code .job-state-<state>}). */
final class JobStateIcon {
    private JobStateIcon() {
    }

    static Icon of(String state) {
        return switch (state) {
            case "running" -> Icon.PROGRESS_CLOCK;
            case "finished" -> Icon.CHECK_CIRCLE;
            case "failed" -> Icon.CLOSE_CIRCLE;
            case "incomplete" -> Icon.ALERT_CIRCLE_OUTLINE;
            default -> Icon.CLOCK_OUTLINE;
        };
    }
}
