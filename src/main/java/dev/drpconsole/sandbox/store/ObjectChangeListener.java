package dev.drpconsole.sandbox.store;

/**
 * Hears every change the store makes, in order, while the store's write lock is held: implementations must only
 * hand the change on (queue it), never block or call back into the store.
 */
@FunctionalInterface
public interface ObjectChangeListener {
    void changed(ObjectChange change);
}
