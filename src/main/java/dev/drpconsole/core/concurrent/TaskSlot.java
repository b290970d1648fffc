package dev.drpconsole.core.concurrent;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Where one kind of task runs one at a time, newest wins (the details of the selected row, a page's refresh): a task
 * started here cancels the one before it, so an older, slower answer never overwrites a newer one.
 */
public final class TaskSlot {
    private final AtomicReference<TaskHandle> current = new AtomicReference<>(TaskHandle.NONE);

    void replace(TaskHandle next) {
        current.getAndSet(next).cancel();
    }

    /** Cancels the slot's task, if any (the page was hidden, the selection cleared). */
    public void cancel() {
        current.getAndSet(TaskHandle.NONE).cancel();
    }
}
