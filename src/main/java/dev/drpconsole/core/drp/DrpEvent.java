package dev.drpconsole.core.drp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;

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
        return object(objectType, UnaryOperator.identity());
    }

    /**
     * The object as {@code shaped} makes it (e.g. {@link Filter#asListed}, which returns a new node and leaves this
     * one, shared by every subscriber, as it is), typed, when this event is about {@code objectType}.
     */
    public <T extends DrpObject> Optional<T> object(DrpType<T> objectType, UnaryOperator<ObjectNode> shaped) {
        if (!objectType.prefix().equals(type) || object == null) {
            return Optional.empty();
        }
        return Optional.of(objectType.wrap().apply(shaped.apply(object)));
    }
}
