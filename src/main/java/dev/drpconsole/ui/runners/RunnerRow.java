package dev.drpconsole.ui.runners;

import dev.drpconsole.core.drp.Job;
import dev.drpconsole.core.drp.Machine;
import dev.drpconsole.core.engine.RunnerContainerName;

/**
 * One row of the runner machines table.
 *
 * @param machine   the machine as DRP has it
 * @param job       its current job, or null
 * @param container the engine's state of its {@code drp-runner-<uuid>} container: running, exited…, or
 *                  {@link #MISSING}, {@link #CHECKING} before the first list, {@link #UNKNOWN} while the
 *                  engine cannot be asked, or {@link #OTHER_ENGINE} when its context is not docker-context's
 */
public record RunnerRow(Machine machine, Job job, String container) {
    public static final String MISSING = "missing";
    public static final String UNKNOWN = "unknown";
    /** The endpoint has no runner engine set: its containers are not watched. */
    public static final String NOT_WATCHED = "not watched";
    public static final String CHECKING = "checking…";
    /** Its context runs on another engine plugin: no drp-runner container is to be expected. */
    public static final String OTHER_ENGINE = "not docker-context";
    public static final String NO_JOB = "none";

    public String uuid() {
        return machine.uuid();
    }

    /** The first block of the UUID: enough to tell machines apart in a table. */
    public String shortUuid() {
        String uuid = machine.uuid();
        int dash = uuid.indexOf('-');
        return dash > 0 ? uuid.substring(0, dash) : uuid;
    }

    public String name() {
        return machine.name();
    }

    public String context() {
        return machine.context();
    }

    public String baseContext() {
        return machine.baseContext();
    }

    /** "workflow / stage", or the stage alone. */
    public String workflowStage() {
        String workflow = machine.workflow();
        return workflow.isEmpty() ? machine.stage() : workflow + " / " + machine.stage();
    }

    public TaskProgress progress() {
        return TaskProgress.of(machine.currentTask(), machine.tasks());
    }

    /** The task running or next, or "". */
    public String currentTaskName() {
        int index = machine.currentTask();
        return index >= 0 && index < machine.tasks().size() ? machine.tasks().get(index) : "";
    }

    public String runnable() {
        return machine.runnable() ? "Yes" : "No";
    }

    /**
     * The current job's state: as newer servers report it on the machine, else from the job itself; "none" when
     * the machine has had no job.
     */
    public String jobState() {
        if (!machine.jobState().isEmpty()) {
            return machine.jobState();
        }
        return job == null ? NO_JOB : job.state();
    }

    /** The current job's UUID, or "" when the machine has none. */
    public String jobUuid() {
        if (!machine.currentJob().isEmpty()) {
            return machine.currentJob();
        }
        return job == null ? "" : job.uuid();
    }

    public String containerName() {
        return RunnerContainerName.PREFIX + machine.uuid();
    }
}
