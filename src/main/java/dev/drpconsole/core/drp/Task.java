package dev.drpconsole.core.drp;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A DRP task (read-only here: the console shows and picks them, content packs define them). */
public final class Task extends DrpObject {

    public Task(ObjectNode json) {
        super(json);
    }

    @Override
    public DrpType<Task> type() {
        return DrpType.TASKS;
    }

    public String name() {
        return text("Name");
    }

    public String description() {
        return text("Description");
    }
}
