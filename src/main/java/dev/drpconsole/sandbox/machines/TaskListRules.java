package dev.drpconsole.sandbox.machines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.sandbox.ApiException;
import dev.drpconsole.sandbox.SandboxJson;
import dev.drpconsole.sandbox.objects.WriteOptions;
import dev.drpconsole.sandbox.store.ObjectStore;
import java.util.ArrayList;
import java.util.List;

/**
 * How a machine's task list changes (§3.2, §3.6): setting a Workflow expands its stages into
 * {@code stage:<s>, [bootenv:<be>,] <tasks...>} and moves the machine to the first stage at once; clearing it
 * empties the list; a Stage change without a workflow takes the stage's tasks; each of these, and resetting CurrentTask to -1, puts Context back to
 * {@code Meta.BaseContext}. Clients may only edit the part of the list that has not run yet, and may not move
 * CurrentTask forward. The server's own saves (the job planner walking the list) are trusted.
 */
public final class TaskListRules {

    private final ObjectStore store;
    private final int emptyListCurrentTask;

    /**
     * @param v3EmptyTaskLists an empty task list has CurrentTask -1 as on the v3 server (backend/machines.go
     *                         validateChangeStage), else 0 as on DRP v4.7.0
     */
    public TaskListRules(ObjectStore store, boolean v3EmptyTaskLists) {
        this.store = store;
        this.emptyListCurrentTask = v3EmptyTaskLists ? -1 : 0;
    }

    void onCreate(ObjectNode machine) {
        String uuid = SandboxJson.string(machine, "Uuid");
        checkProfiles(machine, uuid);
        String workflow = SandboxJson.string(machine, "Workflow");
        if (!workflow.isEmpty()) {
            replaceTasks(machine, expandWorkflow(workflow, uuid));
            enterFirstStage(machine, workflow, uuid);
        } else if (!"none".equals(SandboxJson.string(machine, "Stage"))) {
            replaceTasks(machine, stageTasks(SandboxJson.string(machine, "Stage"), uuid));
        } else if (!machine.path("Tasks").isEmpty()) {
            machine.put("CurrentTask", -1);
        }
        checkStage(machine, uuid);
        checkTasks(machine, uuid);
        updateComplete(machine);
    }

    void onUpdate(ObjectNode before, ObjectNode after, WriteOptions options) {
        String uuid = SandboxJson.string(after, "Uuid");
        boolean byClient = options.principal() != null;
        boolean contextChangedByClient = byClient && !SandboxJson.string(before, "Context")
                .equals(SandboxJson.string(after, "Context"));
        String oldWorkflow = SandboxJson.string(before, "Workflow");
        String newWorkflow = SandboxJson.string(after, "Workflow");
        boolean stageChanged = !SandboxJson.string(before, "Stage").equals(SandboxJson.string(after, "Stage"));
        if (byClient) {
            checkProfiles(after, uuid);
        }
        if (!oldWorkflow.equals(newWorkflow)) {
            if (newWorkflow.isEmpty()) {
                after.put("Stage", "none");
                replaceTasks(after, List.of());
            } else {
                replaceTasks(after, expandWorkflow(newWorkflow, uuid));
                enterFirstStage(after, newWorkflow, uuid);
            }
            resetContext(after, contextChangedByClient);
        } else if (byClient && stageChanged) {
            if (!newWorkflow.isEmpty()) {
                throw ApiException.validation("machines", uuid, "Cannot change the Stage of a machine with Workflow "
                        + newWorkflow + "; change the Workflow instead");
            }
            if (hasPendingTasks(before) && !options.force()) {
                throw ApiException.validation("machines", uuid, "Can not change stages with pending tasks unless "
                        + "forced");
            }
            replaceTasks(after, stageTasks(SandboxJson.string(after, "Stage"), uuid));
            resetContext(after, contextChangedByClient);
        } else if (byClient) {
            checkClientTaskEdit(before, after, uuid, options.force());
            if (before.path("Tasks").isEmpty() && !after.path("Tasks").isEmpty()) {
                // DRP v4.7.0 agent/taskRunner_test.go "Try to change order of tasks": a new list starts at -1.
                after.put("CurrentTask", -1);
            }
            if (after.path("CurrentTask").asInt() == -1 && before.path("CurrentTask").asInt() != -1) {
                resetContext(after, contextChangedByClient);
            }
        }
        if (byClient) {
            checkStage(after, uuid);
            checkTasks(after, uuid);
        }
        updateComplete(after);
    }

    private void checkClientTaskEdit(ObjectNode before, ObjectNode after, String uuid, boolean force) {
        int oldCurrent = before.path("CurrentTask").asInt();
        int newCurrent = after.path("CurrentTask").asInt();
        if (newCurrent > oldCurrent && !force) {
            throw ApiException.validation("machines", uuid, "Cannot advance CurrentTask from " + oldCurrent + " to "
                    + newCurrent + " without running jobs");
        }
        if (force || newCurrent == -1 || before.path("Tasks").equals(after.path("Tasks"))) {
            return;
        }
        List<String> oldTasks = texts(before.path("Tasks"));
        List<String> newTasks = texts(after.path("Tasks"));
        int settled = Math.min(Math.max(oldCurrent + 1, 0), oldTasks.size());
        if (newTasks.size() < settled) {
            throw ApiException.validation("machines", uuid,
                    "Cannot remove tasks that have already executed or are already executing");
        }
        if (!newTasks.subList(0, settled).equals(oldTasks.subList(0, settled))) {
            throw ApiException.validation("machines", uuid,
                    "Cannot change tasks that have already executed or are executing");
        }
    }

    private List<String> expandWorkflow(String workflowName, String uuid) {
        ObjectNode workflow = store.get("workflows", workflowName).orElseThrow(() ->
                ApiException.validation("machines", uuid, "Workflow " + workflowName + " does not exist"));
        List<String> tasks = new ArrayList<>();
        for (JsonNode stageName : workflow.path("Stages")) {
            ObjectNode stage = stage(stageName.asText(), uuid);
            tasks.add("stage:" + stageName.asText());
            String bootEnv = SandboxJson.string(stage, "BootEnv");
            if (!bootEnv.isEmpty()) {
                tasks.add("bootenv:" + bootEnv);
            }
            tasks.addAll(texts(stage.path("Tasks")));
        }
        return tasks;
    }

    /**
     * Setting a Workflow puts the machine in its first stage (and that stage's BootEnv) at once, so the first
     * {@code POST /jobs} finds its {@code stage:} entry already applied and hands out the first task's job (201)
     * instead of a stage-change job and a 204 (DRP v3.13.6 backend/machines.go validateChangeWorkflow; [v3 run]).
     */
    private void enterFirstStage(ObjectNode machine, String workflowName, String uuid) {
        JsonNode stages = store.get("workflows", workflowName).orElseThrow().path("Stages");
        if (stages.isEmpty()) {
            return;
        }
        ObjectNode first = stage(stages.get(0).asText(), uuid);
        machine.put("Stage", SandboxJson.string(first, "Name"));
        String bootEnv = SandboxJson.string(first, "BootEnv");
        if (!bootEnv.isEmpty()) {
            machine.put("BootEnv", bootEnv);
        }
    }

    private List<String> stageTasks(String stageName, String uuid) {
        return texts(stage(stageName, uuid).path("Tasks"));
    }

    private ObjectNode stage(String name, String uuid) {
        return store.get("stages", name).orElseThrow(() ->
                ApiException.validation("machines", uuid, "Stage " + name + " does not exist"));
    }

    private void checkStage(ObjectNode machine, String uuid) {
        stage(SandboxJson.string(machine, "Stage"), uuid);
    }

    private void checkProfiles(ObjectNode machine, String uuid) {
        int at = 0;
        for (JsonNode profile : machine.path("Profiles")) {
            if (store.get("profiles", profile.asText()).isEmpty()) {
                throw ApiException.validation("machines", uuid, uuid + ": Profile " + profile.asText() + " (at " + at
                        + ") does not exist");
            }
            at++;
        }
    }

    private void checkTasks(ObjectNode machine, String uuid) {
        int at = 0;
        for (String text : texts(machine.path("Tasks"))) {
            TaskEntry entry = new TaskEntry(text);
            if (entry.isTask() && store.get("tasks", text).isEmpty()) {
                throw ApiException.validation("machines", uuid, uuid + ": Task " + text + " (at " + at
                        + ") does not exist");
            }
            if ("stage".equals(entry.kind())) {
                stage(entry.argument(), uuid);
            }
            at++;
        }
    }

    private static void replaceTasks(ObjectNode machine, List<String> tasks) {
        ArrayNode list = machine.putArray("Tasks");
        tasks.forEach(list::add);
        machine.put("CurrentTask", -1);
        machine.put("RetryTaskAttempt", 0);
    }

    private static void resetContext(ObjectNode machine, boolean keepClientsChoice) {
        if (!keepClientsChoice) {
            machine.put("Context", MachineRules.baseContext(machine));
        }
    }

    private static boolean hasPendingTasks(ObjectNode machine) {
        int current = machine.path("CurrentTask").asInt();
        int size = machine.path("Tasks").size();
        return size > 0 && current < size;
    }

    private void updateComplete(ObjectNode machine) {
        int size = machine.path("Tasks").size();
        if (size == 0) {
            // DRP v4.7.0 agent/taskRunner_test.go "Make initial machine", "Try to remove tasks": an empty task
            // list is a finished one, CurrentTask 0 (-1 on v3).
            machine.put("CurrentTask", emptyListCurrentTask);
        }
        machine.put("WorkflowComplete", size == 0 || machine.path("CurrentTask").asInt() >= size);
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
