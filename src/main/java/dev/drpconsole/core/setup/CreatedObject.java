package dev.drpconsole.core.setup;

import java.util.Objects;

/**
 * One thing the wizard created, as recorded in its journal.
 *
 * @param kind what it is
 * @param key  its tag, path, name or UUID
 * @param step the id of the step that created it
 */
public record CreatedObject(CreatedKind kind, String key, String step) {
    public CreatedObject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(step, "step");
    }
}
