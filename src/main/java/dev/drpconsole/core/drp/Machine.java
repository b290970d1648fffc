package dev.drpconsole.core.drp;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A DRP machine. A runner machine is one with {@code Meta.BaseContext}: its home is a context. Any machine is in a
 * context for a while when a {@code context:<name>} task sets its {@code Context} (DRP v4.7.0 models/machine.go
 * "Context … the current execution context"; doc/arch/workflow.rst): that makes it no runner.
 */
public final class Machine extends DrpObject {
    public static final String BASE_CONTEXT = "BaseContext";

    public Machine(ObjectNode json) {
        super(json);
    }

    /**
     * A new runner machine: with {@code Meta.BaseContext}, from which its Context is set. Create it with
     * {@link MachineCreation#createRunner}, which keeps the endpoint's default workflow off it.
     */
    public static Machine runner(String name, String baseContext, String description) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("Name", name).put("Description", description);
        json.putObject("Meta").put(BASE_CONTEXT, baseContext);
        return new Machine(json);
    }

    @Override
    public DrpType<Machine> type() {
        return DrpType.MACHINES;
    }

    public String name() {
        return text("Name");
    }

    public String uuid() {
        return text("Uuid");
    }

    public String description() {
        return text("Description");
    }

    /** The context whose agent runs this machine's tasks now; "" means the machine's own agent. */
    public String context() {
        return text("Context");
    }

    /** {@code Meta.BaseContext}, or "". */
    public String baseContext() {
        return meta(BASE_CONTEXT);
    }

    /** A context runner: it has {@code Meta.BaseContext} (its tasks run in that context when nothing else says). */
    public boolean isRunner() {
        return !baseContext().isEmpty();
    }

    /** An ordinary machine whose tasks run in a context for now (a {@code context:} task set it), else "". */
    public String contextForNow() {
        return isRunner() ? "" : context();
    }

    /** Whether it runs, or may run, tasks in a context: a runner, or a machine in one for now. */
    public boolean usesAContext() {
        return isRunner() || !context().isEmpty();
    }

    /**
     * The machine moved to {@code context}: a runner's BaseContext goes with its Context (where it returns after
     * workflows); a machine without BaseContext only changes Context, it never becomes a runner by this.
     */
    public Machine movedTo(String context) {
        return isRunner() ? withBaseContext(context).withContext(context) : withContext(context);
    }

    public String workflow() {
        return text("Workflow");
    }

    public String stage() {
        return text("Stage");
    }

    public String bootEnv() {
        return text("BootEnv");
    }

    public List<String> tasks() {
        return strings("Tasks");
    }

    /** Index into {@link #tasks()}: −1 not started, {@code tasks().size()} done. */
    public int currentTask() {
        return integer("CurrentTask", -1);
    }

    public boolean runnable() {
        return bool("Runnable");
    }

    public boolean workflowComplete() {
        return bool("WorkflowComplete");
    }

    /** The current job's UUID, or "" when none. */
    public String currentJob() {
        return text("CurrentJob");
    }

    /** The current job's state on servers that report it (newer than v4.8), else "". */
    public String jobState() {
        return text("JobState");
    }

    public String address() {
        return text("Address");
    }

    /** DRP refuses every change to a locked machine, and its deletion, until a change unlocks it. */
    public boolean locked() {
        return bool("Locked");
    }

    public Machine withLocked(boolean locked) {
        return new Machine(changed(json -> json.put("Locked", locked)));
    }

    public Machine withContext(String context) {
        return new Machine(changed(json -> json.put("Context", context)));
    }

    public Machine withBaseContext(String baseContext) {
        return new Machine(changedMeta(BASE_CONTEXT, baseContext.isEmpty() ? null : baseContext));
    }

    public Machine withWorkflow(String workflow) {
        return new Machine(changed(json -> json.put("Workflow", workflow)));
    }

    public Machine withStage(String stage) {
        return new Machine(changed(json -> json.put("Stage", stage)));
    }

    public Machine withRunnable(boolean runnable) {
        return new Machine(changed(json -> json.put("Runnable", runnable)));
    }

    public Machine withDescription(String description) {
        return new Machine(changed(json -> json.put("Description", description)));
    }
}
