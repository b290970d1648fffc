package dev.drpconsole.sandbox.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.sandbox.ApiException;
import dev.drpconsole.sandbox.SandboxJson;
import dev.drpconsole.sandbox.actions.PluginActions;
import dev.drpconsole.sandbox.auth.Principal;
import dev.drpconsole.sandbox.machines.TaskEntry;
import dev.drpconsole.sandbox.objects.ObjectService;
import dev.drpconsole.sandbox.objects.WriteOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Decides what an agent runs next ({@code POST /jobs}, §4.2), under the store's write lock so two agents never
 * get two jobs for one machine:
 * <ul>
 *   <li>no such machine: 422; machine not runnable or not available: 409; its Context is not the agent's: 204;</li>
 *   <li>a created or running current job: 409; an incomplete one: 202 with that job;</li>
 *   <li>otherwise the candidate entry is the first (CurrentTask -1), the one after a finished job, or the same one
 *   after a failure. {@code stage:}, {@code bootenv:} and {@code context:} entries are applied by the server;
 *   those that change the machine are recorded as one already-finished job (204), those it is already at are
 *   passed over without a job (so a machine just given a Workflow, already in its first stage, gets its first
 *   task's job at once: 201); a context change ends the walk, since another agent now owns the machine;</li>
 *   <li>a task gets a new job in state created (201); an {@code action:} entry is run here and its job is
 *   finished (201) or failed (204).</li>
 * </ul>
 */
public final class NextJobPlanner {

    static final String NO_JOB = "00000000-0000-0000-0000-000000000000";

    private final ObjectService objects;
    private final JobLogs logs;
    private final PluginActions actions;

    public NextJobPlanner(ObjectService objects, JobLogs logs, PluginActions actions) {
        this.objects = objects;
        this.logs = logs;
        this.actions = actions;
    }

    public NextJob next(JsonNode request, Principal caller) {
        String machineRef = SandboxJson.string(request, "Machine");
        if (machineRef.isEmpty()) {
            throw ApiException.badRequest("POST", "jobs", "", "Create request must have Machine field");
        }
        String agentContext = SandboxJson.string(request, "Context");
        return objects.store().write(() -> plan(machineRef, agentContext, SandboxJson.string(request, "Uuid"),
                caller));
    }

    private NextJob plan(String machineRef, String agentContext, String requestedUuid, Principal caller) {
        ObjectNode machine = objects.find("machines", machineRef).orElseThrow(() -> new ApiException(422,
                "ValidationError", "jobs", "", "Machine " + machineRef + " does not exist"));
        String uuid = SandboxJson.string(machine, "Uuid");
        if (caller.isMachine() && !caller.name().equals(uuid)) {
            throw new ApiException(403, "AUTH", "jobs", "", "Cannot create jobs for machine " + uuid);
        }
        if (!machine.path("Runnable").asBoolean() || !machine.path("Available").asBoolean()) {
            throw ApiException.conflict("jobs", "", "Machine " + uuid + " is not runnable");
        }
        if (!SandboxJson.string(machine, "Context").equals(agentContext)) {
            return NextJob.nothing();
        }
        List<String> tasks = new ArrayList<>();
        machine.path("Tasks").forEach(task -> tasks.add(task.asText()));
        int current = machine.path("CurrentTask").asInt();
        ObjectNode currentJob = objects.find("jobs", SandboxJson.string(machine, "CurrentJob")).orElse(null);
        String currentState = currentJob == null ? "" : SandboxJson.string(currentJob, "State");
        if ("created".equals(currentState) || "running".equals(currentState)) {
            if (current >= 0) {
                throw ApiException.conflict("jobs", "", "Machine " + uuid + " already has running or created job");
            }
            // The task list was replaced under a job that never finished: that job is abandoned.
            currentJob = abandon(currentJob);
            currentState = "failed";
        }
        if ("incomplete".equals(currentState)) {
            return NextJob.rerun(currentJob);
        }
        if (current >= tasks.size() && current >= 0) {
            return NextJob.nothing();
        }
        int candidate = candidate(current, currentJob, currentState);
        ObjectNode changed = machine.deepCopy();
        List<String> walked = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        while (candidate < tasks.size() && new TaskEntry(tasks.get(candidate)).isStateChange()) {
            TaskEntry entry = new TaskEntry(tasks.get(candidate));
            int changesBefore = changes.size();
            boolean contextChanged = apply(entry, changed, changes);
            if (changes.size() > changesBefore) {
                walked.add(entry.text());
                changed.put("CurrentTask", candidate);
            }
            candidate++;
            if (contextChanged) {
                break;
            }
        }
        if (!walked.isEmpty()) {
            ObjectNode record = newJob(changed, walked.get(walked.size() - 1), changed.path("CurrentTask").asInt(),
                    "", currentJob);
            record.put("State", "finished");
            record.put("ExitState", "complete");
            record.put("EndTime", objects.clock().now());
            store(record, currentJob, changes);
            changed.put("CurrentJob", SandboxJson.string(record, "Uuid"));
            objects.save("machines", machine, changed);
            return NextJob.nothing();
        }
        if (candidate >= tasks.size()) {
            changed.put("CurrentTask", tasks.size());
            changed.put("WorkflowComplete", true);
            if (!changed.equals(machine)) {
                objects.save("machines", machine, changed);
            }
            return NextJob.nothing();
        }
        TaskEntry entry = new TaskEntry(tasks.get(candidate));
        ObjectNode job = newJob(changed, entry.text(), candidate, requestedUuid, currentJob);
        List<String> logLines = new ArrayList<>();
        if (entry.isAction()) {
            runAction(entry, changed, job, logLines);
        }
        ObjectNode stored = store(job, currentJob, logLines);
        if ("failed".equals(SandboxJson.string(job, "State"))) {
            changed.put("Runnable", false);
        }
        changed.put("CurrentTask", candidate);
        changed.put("CurrentJob", SandboxJson.string(job, "Uuid"));
        objects.save("machines", machine, changed);
        return entry.isAction() && "failed".equals(SandboxJson.string(job, "State")) ? NextJob.nothing()
                : NextJob.created(stored);
    }

    private static int candidate(int current, ObjectNode currentJob, String currentState) {
        if (current < 0) {
            return 0;
        }
        boolean ranHere = currentJob != null && currentJob.path("CurrentIndex").asInt() == current;
        return ranHere && "finished".equals(currentState) ? current + 1 : current;
    }

    /** Applies a stage:, bootenv: or context: entry; returns whether it changed the Context. */
    private static boolean apply(TaskEntry entry, ObjectNode machine, List<String> changes) {
        String field = switch (entry.kind()) {
            case "stage" -> "Stage";
            case "bootenv" -> "BootEnv";
            default -> "Context";
        };
        String before = SandboxJson.string(machine, field);
        String after = entry.argument();
        if (before.equals(after)) {
            // DRP v3.13.6 frontend/job_create.go: an entry the machine is already at makes no job and no log.
            return false;
        }
        machine.put(field, after);
        changes.add("Changing " + field + " from " + quoted(before) + " to " + quoted(after));
        return "Context".equals(field);
    }

    private static String quoted(String value) {
        return value.isEmpty() ? "\"\" (the machine's own agent)" : value;
    }

    private ObjectNode newJob(ObjectNode machine, String task, int index, String requestedUuid,
                              ObjectNode previous) {
        ObjectNode job = SandboxJson.object();
        job.put("Uuid", usableUuid(requestedUuid));
        job.put("Previous", previous == null ? NO_JOB : SandboxJson.string(previous, "Uuid"));
        job.put("Machine", SandboxJson.string(machine, "Uuid"));
        job.put("Task", task);
        job.put("Stage", SandboxJson.string(machine, "Stage"));
        job.put("Workflow", SandboxJson.string(machine, "Workflow"));
        job.put("BootEnv", SandboxJson.string(machine, "BootEnv"));
        job.put("Context", SandboxJson.string(machine, "Context"));
        job.put("State", "created");
        job.put("ExitState", "");
        job.put("StartTime", objects.clock().now());
        job.put("EndTime", SandboxJson.ZERO_TIME);
        job.put("Archived", false);
        job.put("Current", true);
        job.put("CurrentIndex", index);
        job.put("NextIndex", index + 1);
        return job;
    }

    private String usableUuid(String requested) {
        try {
            if (!requested.isEmpty() && UUID.fromString(requested).toString().equals(requested.toLowerCase())
                    && objects.find("jobs", requested).isEmpty()) {
                return requested.toLowerCase();
            }
        } catch (IllegalArgumentException e) {
            // not a UUID: the server picks one, as DRP does for a missing one
        }
        return UUID.randomUUID().toString();
    }

    private ObjectNode store(ObjectNode job, ObjectNode previous, List<String> logLines) {
        ObjectNode stored = objects.create("jobs", job, WriteOptions.server());
        String uuid = SandboxJson.string(stored, "Uuid");
        logs.start(uuid);
        logLines.forEach(line -> logs.appendLine(uuid, line));
        if (previous != null && previous.path("Current").asBoolean()) {
            ObjectNode notCurrent = previous.deepCopy();
            notCurrent.put("Current", false);
            objects.save("jobs", previous, notCurrent);
        }
        return stored;
    }

    private ObjectNode abandon(ObjectNode job) {
        ObjectNode failed = job.deepCopy();
        failed.put("State", "failed");
        failed.put("ExitState", "failed");
        failed.put("EndTime", objects.clock().now());
        // Stored directly: abandoning a job because its task list was replaced must not stop the machine.
        objects.store().put("jobs", failed, "save", "");
        logs.appendLine(SandboxJson.string(job, "Uuid"), "Job abandoned: the machine's task list was replaced");
        return failed;
    }

    private void runAction(TaskEntry entry, ObjectNode machine, ObjectNode job, List<String> logLines) {
        String argument = entry.argument();
        int colon = argument.indexOf(':');
        String plugin = colon < 0 ? "" : argument.substring(0, colon);
        String command = colon < 0 ? argument : argument.substring(colon + 1);
        logLines.add("Running plugin action " + command + (plugin.isEmpty() ? "" : " of plugin " + plugin));
        try {
            JsonNode result = actions.run(plugin, "machines", command, machine, SandboxJson.object());
            logLines.add("Action result: " + SandboxJson.text(result));
            job.put("State", "finished");
            job.put("ExitState", "complete");
        } catch (ApiException e) {
            logLines.add("Action failed: " + String.join("; ", e.messages()));
            job.put("State", "failed");
            job.put("ExitState", "failed");
        }
        job.put("EndTime", objects.clock().now());
    }
}
