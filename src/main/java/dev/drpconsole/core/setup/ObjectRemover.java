package dev.drpconsole.core.setup;

/** Removes one thing the wizard created; an object already gone counts as removed. */
@FunctionalInterface
public interface ObjectRemover {
    void remove(CreatedObject object);
}
