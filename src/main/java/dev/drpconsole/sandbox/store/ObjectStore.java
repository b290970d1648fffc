package dev.drpconsole.sandbox.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.sandbox.model.ObjectKind;
import dev.drpconsole.sandbox.model.ObjectKinds;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * All objects of the sandbox, in memory and on disk.
 *
 * <p><b>Immutability.</b> Stored trees are never changed after {@link #put}: readers get the stored tree itself
 * and must copy it ({@code deepCopy()}) before changing anything.
 *
 * <p><b>Writes</b> are serialized by one lock; {@link #write} runs a read-check-write sequence under it, so rules
 * such as "a machine has at most one running job" hold across concurrent requests. Listeners hear each change in
 * order while the lock is held.
 */
public final class ObjectStore {

    private final ObjectKinds kinds;
    private final ObjectFiles files;
    private final Map<String, NavigableMap<String, ObjectNode>> objects = new ConcurrentHashMap<>();
    private final ReentrantLock writeLock = new ReentrantLock();
    private final List<ObjectChangeListener> listeners = new CopyOnWriteArrayList<>();

    private ObjectStore(ObjectKinds kinds, ObjectFiles files) {
        this.kinds = kinds;
        this.files = files;
    }

    /** Opens the store kept in a directory, loading every object saved there. */
    public static ObjectStore open(ObjectKinds kinds, Path directory) {
        ObjectStore store = new ObjectStore(kinds, new ObjectFiles(directory));
        for (ObjectKind kind : kinds.all()) {
            NavigableMap<String, ObjectNode> byKey = store.objectsOf(kind.prefix());
            for (ObjectNode object : store.files.readAll(kind.prefix())) {
                byKey.put(kind.keyOf(object), object);
            }
        }
        return store;
    }

    public ObjectKinds kinds() {
        return kinds;
    }

    public void addListener(ObjectChangeListener listener) {
        listeners.add(listener);
    }

    public void removeListener(ObjectChangeListener listener) {
        listeners.remove(listener);
    }

    /** The stored object; do not change it. */
    public Optional<ObjectNode> get(String prefix, String key) {
        return Optional.ofNullable(objectsOf(prefix).get(key));
    }

    /** All objects of a type in key order; do not change them. */
    public List<ObjectNode> list(String prefix) {
        return new ArrayList<>(objectsOf(prefix).values());
    }

    public int count(String prefix) {
        return objectsOf(prefix).size();
    }

    /** Runs a read-check-write sequence atomically with respect to all other writes. */
    public <T> T write(Supplier<T> sequence) {
        writeLock.lock();
        try {
            return sequence.get();
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Saves an object (it then belongs to the store: do not change it afterwards) and tells the listeners.
     *
     * @param action the event action: create, update or save
     */
    public void put(String prefix, ObjectNode object, String action, String principal) {
        ObjectKind kind = kinds.get(prefix);
        String key = kind.keyOf(object);
        write(() -> {
            files.write(prefix, key, object);
            ObjectNode original = objectsOf(prefix).put(key, object);
            announce(new ObjectChange(prefix, key, action, object, original, principal));
            return null;
        });
    }

    /** Removes an object and tells the listeners; empty when there was none. */
    public Optional<ObjectNode> remove(String prefix, String key, String principal) {
        return write(() -> {
            ObjectNode removed = objectsOf(prefix).remove(key);
            if (removed == null) {
                return Optional.empty();
            }
            files.delete(prefix, key);
            announce(new ObjectChange(prefix, key, "delete", removed, removed, principal));
            return Optional.of(removed);
        });
    }

    private void announce(ObjectChange change) {
        for (ObjectChangeListener listener : listeners) {
            listener.changed(change);
        }
    }

    private NavigableMap<String, ObjectNode> objectsOf(String prefix) {
        return objects.computeIfAbsent(prefix, ignored -> new ConcurrentSkipListMap<>());
    }
}
