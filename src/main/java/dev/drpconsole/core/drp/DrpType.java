package dev.drpconsole.core.drp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Function;

/**
 * One DRP object type: its API prefix ({@code /api/v3/<prefix>}), its key field and how to wrap its JSON.
 *
 * @param prefix   the API prefix and the event {@code Type}, e.g. {@code machines}
 * @param keyField {@code Name} or {@code Uuid}
 */
public record DrpType<T extends DrpObject>(String prefix, String keyField, Function<ObjectNode, T> wrap) {

    public static final DrpType<DrpContext> CONTEXTS = new DrpType<>("contexts", "Name", DrpContext::new);
    public static final DrpType<Machine> MACHINES = new DrpType<>("machines", "Uuid", Machine::new);
    public static final DrpType<Job> JOBS = new DrpType<>("jobs", "Uuid", Job::new);
    public static final DrpType<Task> TASKS = new DrpType<>("tasks", "Name", Task::new);
    public static final DrpType<Stage> STAGES = new DrpType<>("stages", "Name", Stage::new);
    public static final DrpType<Workflow> WORKFLOWS = new DrpType<>("workflows", "Name", Workflow::new);

    @Override
    public String toString() {
        return prefix;
    }
}
