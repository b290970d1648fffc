package dev.drpconsole.sandbox.objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.sandbox.ApiException;
import dev.drpconsole.sandbox.SandboxJson;
import dev.drpconsole.sandbox.ServerClock;
import dev.drpconsole.sandbox.auth.RequestPrincipal;
import dev.drpconsole.sandbox.model.IndexDefinition;
import dev.drpconsole.sandbox.model.ObjectKind;
import dev.drpconsole.sandbox.model.ObjectKinds;
import dev.drpconsole.sandbox.store.ObjectStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Create, read, replace, patch and delete of any object type, with DRP's errors and each type's
 * {@link ObjectRules}. The API, the job planner and the runner engine all write through here, so every change
 * obeys the same rules and produces the same events.
 */
public final class ObjectService {

    private final ObjectStore store;
    private final ServerClock clock;
    private final Map<String, ObjectRules> rules = new ConcurrentHashMap<>();

    /** @param clock how the server writes times (its zone: by default this JVM's, as a real server's host) */
    public ObjectService(ObjectStore store, ServerClock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** How the server writes times into the objects it changes. */
    public ServerClock clock() {
        return clock;
    }

    public ObjectStore store() {
        return store;
    }

    public ObjectKinds kinds() {
        return store.kinds();
    }

    public void setRules(String prefix, ObjectRules typeRules) {
        rules.put(prefix, typeRules);
    }

    private ObjectRules rulesOf(String prefix) {
        return rules.getOrDefault(prefix, ObjectRules.NONE);
    }

    /** The object type served at a prefix, or a 404 "No route" as for any unknown path. */
    public ObjectKind kind(String prefix) {
        return kinds().find(prefix).orElseThrow(() -> new ApiException(404, "API ERROR", "", "/api/v3/" + prefix,
                "No route"));
    }

    /** Looks an object up by key or by {@code Index:value} on a unique index (or {@code Key:value}). */
    public Optional<ObjectNode> find(String prefix, String keyOrLookup) {
        Optional<ObjectNode> direct = store.get(prefix, keyOrLookup);
        if (direct.isPresent()) {
            return direct;
        }
        int colon = keyOrLookup.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        ObjectKind kind = kind(prefix);
        Optional<IndexDefinition> index = kind.index(keyOrLookup.substring(0, colon));
        if (index.isEmpty() || !index.get().unique()) {
            return Optional.empty();
        }
        Comparable<?> wanted;
        try {
            wanted = index.get().type().parse(keyOrLookup.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        for (ObjectNode candidate : store.list(prefix)) {
            if (index.get().type().order().compare(index.get().valueOn(candidate), wanted) == 0) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * @throws ApiException 404 with the method as Type when there is no such object
     */
    public ObjectNode get(String method, String prefix, String keyOrLookup) {
        return find(prefix, keyOrLookup).orElseThrow(() -> ApiException.notFound(method, prefix, keyOrLookup));
    }

    public List<ObjectNode> list(String prefix) {
        return store.list(prefix);
    }

    /** The object as clients see it. */
    public ObjectNode presented(String prefix, ObjectNode stored) {
        return rulesOf(prefix).presented(stored);
    }

    public ObjectNode create(String prefix, JsonNode body, WriteOptions options) {
        ObjectKind kind = kind(prefix);
        if (!(body instanceof ObjectNode)) {
            throw ApiException.badRequest("CREATE", prefix, "", "The body must be a JSON object");
        }
        // A real server decodes the body into the type's Go model first (DRP v4.7.0 models/*.go, encoding/json).
        ObjectNode created = kind.decoded((ObjectNode) body);
        return store.write(() -> {
            rulesOf(prefix).beforeDefaults(created);
            kind.fill(created);
            rulesOf(prefix).beforeCreate(created, options);
            String key = kind.keyOf(created);
            if (key.isEmpty()) {
                throw ApiException.badRequest("CREATE", prefix, "", "Empty key not allowed");
            }
            if (store.get(prefix, key).isPresent()) {
                throw new ApiException(409, "CREATE", prefix, key, "already exists");
            }
            refuseDuplicateUniqueValues(kind, created, null);
            validated(created, kind);
            store.put(prefix, created, "create", options.principalId());
            rulesOf(prefix).afterWrite(null, created, options);
            return created;
        });
    }

    /** Full replace ({@code PUT}); the key may not change. */
    public ObjectNode replace(String prefix, String keyOrLookup, JsonNode body, WriteOptions options) {
        ObjectKind kind = kind(prefix);
        if (!(body instanceof ObjectNode)) {
            throw ApiException.badRequest("PUT", prefix, keyOrLookup, "The body must be a JSON object");
        }
        return store.write(() -> {
            ObjectNode before = get("PUT", prefix, keyOrLookup);
            return update(kind, before, kind.decoded((ObjectNode) body), options, "PUT");
        });
    }

    /** RFC 6902 patch; a failed {@code test} is a 409 with DRP's messages. */
    public ObjectNode patch(String prefix, String keyOrLookup, JsonPatch patch, WriteOptions options) {
        ObjectKind kind = kind(prefix);
        return store.write(() -> {
            ObjectNode before = get("PATCH", prefix, keyOrLookup);
            JsonNode patched;
            try {
                patched = patch.applyTo(before);
            } catch (JsonPatchException e) {
                throw new ApiException(409, "PATCH", prefix, kind.keyOf(before), List.of(
                        "Patch error at line " + e.line() + ": " + e.getMessage(),
                        "Patch: " + SandboxJson.pretty(patch.operations())));
            }
            if (!(patched instanceof ObjectNode)) {
                throw new ApiException(422, "PATCH", prefix, kind.keyOf(before), "The patch must leave an object");
            }
            // The patched JSON is decoded into the model like a PUT body [v3 code: backend/requestTracker.go Patch].
            return update(kind, before, kind.decoded((ObjectNode) patched), options, "PATCH");
        });
    }

    /**
     * Stores a change the server made by itself, after the type's update rules. Must be called with a changed copy
     * of a stored object. While serving a request it is that caller's {@code update} ([v3 run]; v3
     * frontend/job_create.go updates the machine with rt.Update), otherwise the server's own {@code save}. The
     * event names the caller ({@link dev.drpconsole.sandbox.events.EventBus}).
     */
    public ObjectNode save(String prefix, ObjectNode before, ObjectNode after) {
        ObjectKind kind = kind(prefix);
        return store.write(() -> {
            kind.fill(after);
            rulesOf(prefix).beforeUpdate(before, after, WriteOptions.server());
            validated(after, kind);
            store.put(prefix, after, RequestPrincipal.current().isPresent() ? "update" : "save", "");
            rulesOf(prefix).afterWrite(before, after, WriteOptions.server());
            return after;
        });
    }

    public ObjectNode delete(String prefix, String keyOrLookup, WriteOptions options) {
        kind(prefix);
        return store.write(() -> {
            ObjectNode doomed = get("DELETE", prefix, keyOrLookup);
            refuseReadOnly(kinds().get(prefix), doomed, "DELETE");
            refuseLocked(kinds().get(prefix), doomed, doomed, options, "DELETE");
            rulesOf(prefix).beforeDelete(doomed, options);
            ObjectNode removed = store.remove(prefix, kinds().get(prefix).keyOf(doomed), options.principalId())
                    .orElse(doomed);
            rulesOf(prefix).afterDelete(removed, options);
            return removed;
        });
    }

    private ObjectNode update(ObjectKind kind, ObjectNode before, ObjectNode after, WriteOptions options,
                              String method) {
        String prefix = kind.prefix();
        String oldKey = kind.keyOf(before);
        String newKey = kind.keyOf(after);
        if (!oldKey.equals(newKey)) {
            throw ApiException.badRequest(method, prefix, oldKey, "Key change from " + oldKey + " to " + newKey
                    + " not allowed");
        }
        refuseReadOnly(kind, before, method);
        refuseLocked(kind, before, after, options, method);
        // Clients cannot make an object read-only or move it into a content layer.
        after.set("ReadOnly", before.get("ReadOnly"));
        after.set("Bundle", before.get("Bundle"));
        kind.fill(after);
        rulesOf(prefix).beforeUpdate(before, after, options);
        refuseDuplicateUniqueValues(kind, after, oldKey);
        validated(after, kind);
        store.put(prefix, after, "update", options.principalId());
        rulesOf(prefix).afterWrite(before, after, options);
        return after;
    }

    /**
     * DRP keeps content-pack objects in read-only layers under the writable one: a write of one fails in the store
     * with an error that is only the key (PUT/PATCH: 400, the method as Type, no Model) and a delete with
     * "readonly: key" as 404 [v3 code: digitalrebar/store stack.go StackedStore.Save/Remove, the saas content layers
     * pushed with keysCannotBeOverridden in midlayer/stack.go; frontend/frontend.go jsonError].
     */
    private static void refuseReadOnly(ObjectKind kind, ObjectNode object, String method) {
        if (object.path("ReadOnly").asBoolean()) {
            String key = kind.keyOf(object);
            throw "DELETE".equals(method) ? new ApiException(404, method, "", "", "readonly: " + key)
                    : new ApiException(400, method, "", "", key);
        }
    }

    /**
     * A locked object (a machine with {@code Locked: true}) refuses a user's change unless the change unlocks it;
     * locking it passes, and so do the server's own writes and a machine token's (DRP v3.13.6
     * backend/requestTracker.go {@code Locked}: only requests with an AuthUser are checked). A delete passes the
     * object as both {@code before} and {@code after}.
     */
    private static void refuseLocked(ObjectKind kind, ObjectNode before, ObjectNode after, WriteOptions options,
                                     String method) {
        boolean byUser = options.principal() != null && !options.principal().isMachine();
        if (byUser && before.path("Locked").asBoolean() && after.path("Locked").asBoolean()) {
            throw new ApiException(403, method, kind.prefix(), kind.keyOf(before), "Locked");
        }
    }

    private void refuseDuplicateUniqueValues(ObjectKind kind, ObjectNode object, String ownKey) {
        for (IndexDefinition index : kind.indexes().values()) {
            if (!index.unique() || index.name().equals(kind.keyField())) {
                continue;
            }
            Comparable<?> value = index.valueOn(object);
            if ("".equals(value)) {
                continue;
            }
            for (ObjectNode other : store.list(kind.prefix())) {
                String otherKey = kind.keyOf(other);
                if (!otherKey.equals(ownKey) && !otherKey.equals(kind.keyOf(object))
                        && index.type().order().compare(index.valueOn(other), value) == 0) {
                    // [v3 code: backend/index/index.go CheckUnique, added to the object's validation errors]
                    String key = kind.keyOf(object);
                    throw ApiException.validation(kind.prefix(), key, kind.prefix() + ":" + key
                            + " violates unique index " + index.name());
                }
            }
        }
    }

    private static void validated(ObjectNode object, ObjectKind kind) {
        if (!kind.common()) {
            return;
        }
        object.put("Validated", true);
        object.put("Available", object.path("Errors").isEmpty());
    }
}
