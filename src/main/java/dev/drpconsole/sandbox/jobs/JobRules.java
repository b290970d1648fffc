package dev.drpconsole.sandbox.jobs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.sandbox.ApiException;
import dev.drpconsole.sandbox.SandboxJson;
import dev.drpconsole.sandbox.objects.ObjectRules;
import dev.drpconsole.sandbox.objects.ObjectService;
import dev.drpconsole.sandbox.objects.WriteOptions;
import java.util.Set;

/**
 * Jobs (§3.3, §4.3): State and ExitState take DRP's values only; moving to running stamps StartTime, moving to
 * finished or failed stamps EndTime; a job that fails makes its machine not runnable (a "save" of the machine, as
 * the server does it); a job may only be deleted once it is over, its machine is gone, or a later job follows it.
 */
public final class JobRules implements ObjectRules {

    static final Set<String> STATES = Set.of("created", "running", "failed", "finished", "incomplete");
    static final Set<String> EXIT_STATES = Set.of("", "complete", "reboot", "poweroff", "stop", "failed");

    private final ObjectService objects;
    private final JobLogs logs;

    public JobRules(ObjectService objects, JobLogs logs) {
        this.objects = objects;
        this.logs = logs;
    }

    @Override
    public void beforeCreate(ObjectNode job, WriteOptions options) {
        checkStates(job);
    }

    @Override
    public void beforeUpdate(ObjectNode before, ObjectNode after, WriteOptions options) {
        checkStates(after);
        String oldState = SandboxJson.string(before, "State");
        String newState = SandboxJson.string(after, "State");
        if (!oldState.equals(newState)) {
            String now = objects.clock().now();
            if ("running".equals(newState)) {
                after.put("StartTime", now);
            } else if ("finished".equals(newState) || "failed".equals(newState)) {
                after.put("EndTime", now);
            }
        }
    }

    @Override
    public void afterWrite(ObjectNode before, ObjectNode after, WriteOptions options) {
        boolean becameFailed = "failed".equals(SandboxJson.string(after, "State"))
                && (before == null || !"failed".equals(SandboxJson.string(before, "State")));
        if (becameFailed) {
            objects.find("machines", SandboxJson.string(after, "Machine")).ifPresent(machine -> {
                if (machine.path("Runnable").asBoolean()) {
                    ObjectNode stopped = machine.deepCopy();
                    stopped.put("Runnable", false);
                    objects.save("machines", machine, stopped);
                }
            });
        }
    }

    @Override
    public void beforeDelete(ObjectNode job, WriteOptions options) {
        String state = SandboxJson.string(job, "State");
        String uuid = SandboxJson.string(job, "Uuid");
        boolean over = "finished".equals(state) || "failed".equals(state);
        boolean machineGone = objects.find("machines", SandboxJson.string(job, "Machine")).isEmpty();
        boolean followed = objects.list("jobs").stream()
                .anyMatch(other -> uuid.equals(SandboxJson.string(other, "Previous")));
        if (!over && !machineGone && !followed) {
            throw ApiException.validation("jobs", uuid, "jobs/" + uuid + ": Jobs " + uuid
                    + " is not in a deletable state: " + state);
        }
    }

    @Override
    public void afterDelete(ObjectNode job, WriteOptions options) {
        logs.delete(SandboxJson.string(job, "Uuid"));
    }

    private static void checkStates(ObjectNode job) {
        String uuid = SandboxJson.string(job, "Uuid");
        String state = SandboxJson.string(job, "State");
        if (!STATES.contains(state)) {
            throw ApiException.validation("jobs", uuid, "Invalid State `" + state + "`");
        }
        String exitState = SandboxJson.string(job, "ExitState");
        if (!EXIT_STATES.contains(exitState)) {
            throw ApiException.validation("jobs", uuid, "Invalid ExitState `" + exitState + "`");
        }
    }
}
