package dev.drpconsole.core.concurrent;

/** A started {@link BackgroundTask}. */
public interface TaskHandle {
    /** A handle of nothing, for fields that have not started a task yet. */
    TaskHandle NONE = new TaskHandle() {
        @Override
        public void cancel() {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /** Interrupts the call if it runs; none of its callbacks run after this returns on the UI thread. */
    void cancel();

    boolean isCancelled();
}
