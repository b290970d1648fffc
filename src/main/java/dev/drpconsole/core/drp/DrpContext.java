package dev.drpconsole.core.drp;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A DRP Context: where a machine's tasks run ({@code Engine} runs {@code Image}). */
public final class DrpContext extends DrpObject {
    /** The engine plugin the console sets up. */
    public static final String DOCKER_CONTEXT = "docker-context";

    public DrpContext(ObjectNode json) {
        super(json);
    }

    /** A new context to create. */
    public static DrpContext of(String name, String engine, String image, String description) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("Name", name).put("Engine", engine).put("Image", image).put("Description", description);
        json.putObject("Meta");
        return new DrpContext(json);
    }

    @Override
    public DrpType<DrpContext> type() {
        return DrpType.CONTEXTS;
    }

    public String name() {
        return text("Name");
    }

    public String engine() {
        return text("Engine");
    }

    public String image() {
        return text("Image");
    }

    /**
     * Whether the docker-context plugin runs it: the only engine whose images the console can check (others, e.g.
     * Kubernetes or vSphere ones per DRP v4.7.0 models/context.go, find their images themselves).
     */
    public boolean runsOnDockerContext() {
        return DOCKER_CONTEXT.equals(engine());
    }

    public String description() {
        return text("Description");
    }

    public String documentation() {
        return text("Documentation");
    }

    public DrpContext withEngine(String engine) {
        return new DrpContext(changed(json -> json.put("Engine", engine)));
    }

    public DrpContext withImage(String image) {
        return new DrpContext(changed(json -> json.put("Image", image)));
    }

    public DrpContext withDescription(String description) {
        return new DrpContext(changed(json -> json.put("Description", description)));
    }
}
