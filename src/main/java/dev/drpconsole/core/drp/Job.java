package dev.drpconsole.core.drp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;

/** A DRP job: one task run for one machine. */
public final class Job extends DrpObject {
    /** DRP's zero time: a job that has not ended has this EndTime. */
    private static final Instant ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

    public Job(ObjectNode json) {
        super(json);
    }

    @Override
    public DrpType<Job> type() {
        return DrpType.JOBS;
    }

    public String uuid() {
        return text("Uuid");
    }

    /** The machine's UUID. */
    public String machine() {
        return text("Machine");
    }

    public String task() {
        return text("Task");
    }

    public String stage() {
        return text("Stage");
    }

    public String workflow() {
        return text("Workflow");
    }

    public String context() {
        return text("Context");
    }

    /** created, running, failed, finished or incomplete. */
    public String state() {
        return text("State");
    }

    public boolean isRunning() {
        return "running".equals(state()) || "created".equals(state());
    }

    /**
     * Ran and stopped short: DRP hands this same job (same UUID, same log) to the agent again (v3
     * frontend/job_create.go: {@code POST /jobs} answers 202 with it), once its machine is runnable (the v4.7 agent
     * makes it not runnable after an incomplete job: agent/taskRunner.go).
     */
    public boolean isIncomplete() {
        return "incomplete".equals(state());
    }

    /** Finished or failed: no more output will come. An incomplete job is not over (it runs again). */
    public boolean isOver() {
        return !isRunning() && !isIncomplete();
    }

    public String exitState() {
        return text("ExitState");
    }

    public Optional<Instant> startTime() {
        return time("StartTime");
    }

    public Optional<Instant> endTime() {
        return time("EndTime");
    }

    /** True when the log can no longer be fetched. */
    public boolean archived() {
        return bool("Archived");
    }

    /** True for the latest job of its machine. */
    public boolean current() {
        return bool("Current");
    }

    private Optional<Instant> time(String field) {
        String value = text(field);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            Instant instant = Instant.parse(value);
            return instant.equals(ZERO_TIME) ? Optional.empty() : Optional.of(instant);
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
