package dev.drpconsole.ui.containers;

import dev.drpconsole.core.engine.ContainerSummary;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One container in the table. A row lives as long as its container: a re-list updates its properties in place
 * instead of replacing it, so the table keeps the user's selection, scroll position and sort while the engine
 * reports changes.
 */
public final class ContainerRow {
    private final String id;
    private final ReadOnlyObjectWrapper<ContainerSummary> summary;
    private final ReadOnlyStringWrapper machine = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper ours = new ReadOnlyBooleanWrapper(false);

    ContainerRow(ContainerSummary summary) {
        this.id = summary.id();
        this.summary = new ReadOnlyObjectWrapper<>(summary);
    }

    /** What a list of rows watches, so a sorted or filtered view re-sorts when a row changes. */
    static Observable[] observables(ContainerRow row) {
        return new Observable[] {row.summary, row.machine, row.ours};
    }

    public String id() {
        return id;
    }

    public ReadOnlyObjectProperty<ContainerSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ContainerSummary summary() {
        return summary.get();
    }

    public String name() {
        return summary.get().name();
    }

    public boolean isRunning() {
        return summary.get().isRunning();
    }

    public boolean isRunner() {
        return summary.get().isRunner();
    }

    /** The runner's machine UUID, for runner containers. */
    public Optional<String> machineUuid() {
        return summary.get().runnerMachineUuid().map(Object::toString);
    }

    /** The runner's machine name (its UUID until the name is known); "" for other containers. */
    public ReadOnlyStringProperty machineProperty() {
        return machine.getReadOnlyProperty();
    }

    /**
     * A runner of a machine the signed-in endpoint has: the runners list shows only these. Another endpoint's
     * runner on the same engine (or one whose machine was deleted) is false, and so is every non-runner.
     */
    public ReadOnlyBooleanProperty oursProperty() {
        return ours.getReadOnlyProperty();
    }

    public boolean isOurs() {
        return ours.get();
    }

    void update(ContainerSummary newSummary) {
        if (!newSummary.equals(summary.get())) {
            summary.set(newSummary);
        }
    }

    void setMachine(String label, boolean ofThisEndpoint) {
        machine.set(label);
        ours.set(ofThisEndpoint);
    }
}
