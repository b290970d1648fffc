package dev.drpconsole.core.drp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;

/**
 * One websocket event: {@code Type} is the object prefix, {@code Action} create, update, save or delete, and
 * {@code Object} the whole object after the change (before it, for delete).
 *
 * @param principal who caused it, as DRP names callers: {@code user:rocketskates}, {@code runner:<machine uuid>}
 *                  for a machine token; a change the server made while serving a request names that caller
 */
public record DrpEvent(Instant time, String type, String action, String key, String principal, ObjectNode object) {

    public boolean isDelete() {
        return "delete".equals(action);
    }

    /** The object, typed, when this event is about {@code objectType} and carries one. */
    public <T extends DrpObject> Optional<T> object(DrpType<T> objectType) {
        if (!objectType.prefix().equals(type) || object == null) {
            return Optional.empty();
        }
        return Optional.of(objectType.wrap().apply(object));
    }
}
