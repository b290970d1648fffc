package dev.drpconsole.core.engine;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Something happened in the engine, e.g. a container started or died.
 *
 * <p>Actions use Docker's words on both engines. Podman says "remove" where Docker says "destroy" (a container is
 * gone) or "delete" (an image is gone): those arrive as "destroy" and "delete". Podman's extra actions stay as they
 * are and can be ignored: "init" between "create" and "start", and "cleanup" (once or more) after "die".
 *
 * @param type       what kind of object: "container", "image", "network", "volume", ...
 * @param action     what happened: "create", "start", "die", "stop", "destroy", "kill", "tag", ...
 *                   (exec actions look like "exec_start: sh -c ...")
 * @param id         the object's id (a container id, an image id or name, ...)
 * @param name       the object's name from the event attributes, or "" when it has none
 * @param attributes event attributes: the object's labels plus engine fields such as "image", "name", "exitCode"
 * @param time       when it happened, per the engine's clock
 */
public record EngineEvent(
        String type, String action, String id, String name, Map<String, String> attributes, Instant time) {

    public EngineEvent {
        attributes = Map.copyOf(attributes);
    }

    public Optional<String> attribute(String key) {
        return Optional.ofNullable(attributes.get(key));
    }

    public boolean isContainerEvent() {
        return "container".equals(type);
    }
}
