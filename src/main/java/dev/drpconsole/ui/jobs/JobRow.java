package dev.drpconsole.ui.jobs;

import dev.drpconsole.core.drp.Job;
import java.time.Duration;
import java.time.Instant;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One job in the table. A row lives as long as its job is listed: updates from events change its properties in
 * place, so the table keeps the user's selection and sort while jobs run.
 */
public final class JobRow {
    private final String uuid;
    private final ReadOnlyObjectWrapper<Job> job;
    private final ReadOnlyStringWrapper machine = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Duration> duration = new ReadOnlyObjectWrapper<>();

    JobRow(Job job, Instant now) {
        this.uuid = job.uuid();
        this.job = new ReadOnlyObjectWrapper<>(job);
        tick(now);
    }

    /** What a list of rows watches, so a sorted or filtered view follows row changes. */
    static Observable[] observables(JobRow row) {
        return new Observable[] {row.job, row.machine, row.duration};
    }

    public String uuid() {
        return uuid;
    }

    public ReadOnlyObjectProperty<Job> jobProperty() {
        return job.getReadOnlyProperty();
    }

    public Job job() {
        return job.get();
    }

    /** The machine's name (its UUID until the name is known). */
    public ReadOnlyStringProperty machineProperty() {
        return machine.getReadOnlyProperty();
    }

    /** How long it ran, or has been running so far; null before it started. */
    public ReadOnlyObjectProperty<Duration> durationProperty() {
        return duration.getReadOnlyProperty();
    }

    void update(Job newJob, Instant now) {
        if (!newJob.equals(job.get())) {
            job.set(newJob);
            tick(now);
        }
    }

    void setMachine(String label) {
        machine.set(label);
    }

    /** Moves a running job's duration on to {@code now}. */
    void tick(Instant now) {
        Job current = job.get();
        duration.set(current.startTime()
                .map(start -> Duration.between(start, current.isRunning() ? now : current.endTime().orElse(now)))
                .filter(elapsed -> !elapsed.isNegative())
                .orElse(null));
    }
}
