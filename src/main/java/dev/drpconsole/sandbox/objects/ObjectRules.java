package dev.drpconsole.sandbox.objects;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What is special about one object type: defaults and checks on create, the effects of an update (a workflow
 * change rebuilding a machine's task list), side effects after a write (a failed job stopping its machine).
 * Hooks run under the store's write lock and may read and write other objects through the service. They throw
 * {@link dev.drpconsole.sandbox.ApiException} to refuse a write.
 */
public interface ObjectRules {

    /**
     * Fills what a new object left empty before the type's fixed defaults do, for defaults that are settings
     * (a machine's Workflow, Stage and BootEnv come from the prefs).
     */
    default void beforeDefaults(ObjectNode created) {
    }

    /** Completes and checks a new object before it is stored; may change it. */
    default void beforeCreate(ObjectNode created, WriteOptions options) {
    }

    /** Checks and completes a changed object before it is stored; may change {@code after}. */
    default void beforeUpdate(ObjectNode before, ObjectNode after, WriteOptions options) {
    }

    /** Runs after a create or update was stored ({@code before} is null for a create). */
    default void afterWrite(ObjectNode before, ObjectNode after, WriteOptions options) {
    }

    /** Checks that an object may go. */
    default void beforeDelete(ObjectNode doomed, WriteOptions options) {
    }

    /** Runs after an object was removed. */
    default void afterDelete(ObjectNode removed, WriteOptions options) {
    }

    /** Shapes an object for clients, e.g. hides a user's password hash. Must not change the argument. */
    default ObjectNode presented(ObjectNode stored) {
        return stored;
    }

    ObjectRules NONE = new ObjectRules() {
    };
}
