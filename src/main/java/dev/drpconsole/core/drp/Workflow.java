package dev.drpconsole.core.drp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A DRP workflow (read-only here: the console shows and picks them, content packs define them). */
public final class Workflow extends DrpObject {

    public Workflow(ObjectNode json) {
        super(json);
    }

    @Override
    public DrpType<Workflow> type() {
        return DrpType.WORKFLOWS;
    }

    public String name() {
        return text("Name");
    }

    public String description() {
        return text("Description");
    }

    public List<String> stages() {
        return strings("Stages");
    }
}
