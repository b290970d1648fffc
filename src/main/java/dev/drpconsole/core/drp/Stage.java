package dev.drpconsole.core.drp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A DRP stage (read-only here: the console shows and picks them, content packs define them). */
public final class Stage extends DrpObject {

    public Stage(ObjectNode json) {
        super(json);
    }

    @Override
    public DrpType<Stage> type() {
        return DrpType.STAGES;
    }

    public String name() {
        return text("Name");
    }

    public String description() {
        return text("Description");
    }

    public List<String> tasks() {
        return strings("Tasks");
    }
}
