package dev.drpconsole.core.setup;

/** How a running step reports, from its background thread; the UI batches what it shows. */
public interface StepProgress {
    StepProgress NONE = new StepProgress() {
    };

    /** What it is doing now, in plain words ("Step 3 of 5: RUN chmod 755 /usr/bin/drpcli"). */
    default void status(String text) {
    }

    /** How far it is, 0..1; negative while unknown. */
    default void fraction(double done) {
    }

    /** A line of output (the build's, the container's, the job's). */
    default void output(String text) {
    }
}
