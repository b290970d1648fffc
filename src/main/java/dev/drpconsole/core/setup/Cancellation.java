package dev.drpconsole.core.setup;

import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;

/**
 * Turns a cancel into {@link InterruptedException}, whatever the interrupted call threw. An interrupted HTTP call
 * surfaces as a DRP "did not answer in time" error and an interrupted engine call as an engine error; without this
 * a cancel would show the user a made-up failure instead of "Cancelled".
 */
final class Cancellation {
    private Cancellation() {
    }

    /** A step's work, which may throw anything. */
    @FunctionalInterface
    interface Work {
        void run() throws InterruptedException;
    }

    /** Runs {@code work}; a failure caused by the thread's interrupt comes out as InterruptedException. */
    static void cancellable(Work work) throws InterruptedException {
        try {
            work.run();
        } catch (RuntimeException e) {
            if (Thread.interrupted() || causedByInterrupt(e)) {
                InterruptedException cancelled = new InterruptedException("Cancelled");
                cancelled.initCause(e);
                throw cancelled;
            }
            throw e;
        }
    }

    /** Stops between two pieces of work when the user cancelled. */
    static void check() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("Cancelled");
        }
    }

    private static boolean causedByInterrupt(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            // Okio says "interrupted"; its "timeout" (a call deadline) is a real failure, not a cancel.
            if (cause instanceof InterruptedException || (cause instanceof InterruptedIOException
                    && !(cause instanceof SocketTimeoutException) && "interrupted".equals(cause.getMessage()))) {
                return true;
            }
        }
        return false;
    }
}
