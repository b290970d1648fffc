package dev.drpconsole.ui.runners;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.core.drp.Job;
import dev.drpconsole.core.drp.Machine;
import java.util.UUID;

/** Machines and jobs as DRP would have stored them (with their UUIDs), for view-model tests. */
public final class RunnerMachines {
    private RunnerMachines() {
    }

    /** A runner machine in {@code context}, runnable, with its own UUID. */
    public static Machine runner(String name, String context) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("Uuid", UUID.randomUUID().toString()).put("Name", name).put("Context", context)
                .put("Runnable", true);
        json.putObject("Meta").put(Machine.BASE_CONTEXT, context);
        return new Machine(json);
    }

    /** A machine without a context: not a runner. */
    public static Machine plain(String name) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("Uuid", UUID.randomUUID().toString()).put("Name", name).put("Context", "");
        return new Machine(json);
    }

    /** {@code machine}'s current job, in {@code state}. */
    public static Job currentJob(Machine machine, String state) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("Uuid", UUID.randomUUID().toString()).put("Machine", machine.uuid()).put("State", state)
                .put("Current", true).put("Task", "hello-world");
        return new Job(json);
    }
}
