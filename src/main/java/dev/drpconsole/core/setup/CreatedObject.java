package dev.drpconsole.core.setup;

import java.util.Objects;

/**
 * One thing the wizard created, as recorded in its journal.
 *
 * @param kind what it is
 * @param key  its tag, path, name or UUID
 * @param step   the id of the step that created it
 * @param before for a change to something that existed, what clean-up puts back: a replaced context's JSON
 *               ({@link CreatedKind#CONTEXT_SETTINGS}), or the id of the image a moved tag named
 *               ({@link CreatedKind#IMAGE}); "" otherwise
 */
public record CreatedObject(CreatedKind kind, String key, String step, String before) {
    public CreatedObject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(before, "before");
    }

    /** Something the wizard made from nothing. */
    public CreatedObject(CreatedKind kind, String key, String step) {
        this(kind, key, step, "");
    }
}
