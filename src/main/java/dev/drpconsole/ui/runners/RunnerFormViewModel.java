package dev.drpconsole.ui.runners;

import dev.drpconsole.core.concurrent.BackgroundTask;
import dev.drpconsole.core.concurrent.TaskRunner;
import dev.drpconsole.core.drp.DrpApiException;
import dev.drpconsole.core.drp.DrpNames;
import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.drp.Machine;
import dev.drpconsole.core.drp.MachineCreation;
import dev.drpconsole.ui.common.PlainWords;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * The new runner machine form: a name and the context it serves. The machine is created through
 * {@link MachineCreation} with no workflow, whatever the endpoint's {@code defaultWorkflow} (whose tasks would fail
 * in the runner's container), then given its BaseContext and Context, from which docker-context starts its container.
 */
public final class RunnerFormViewModel {
    private final DrpClient client;
    private final TaskRunner tasks;
    private final ObservableList<String> contexts;
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty context = new SimpleStringProperty("");
    private final StringProperty description = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper saveProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(false);
    private final StringBinding validation;

    RunnerFormViewModel(DrpClient client, TaskRunner tasks, ObservableList<String> contexts) {
        this.client = client;
        this.tasks = tasks;
        this.contexts = contexts;
        if (!contexts.isEmpty()) {
            context.set(contexts.get(0));
        }
        validation = Bindings.createStringBinding(this::firstProblem, name, context, contexts);
    }

    public StringProperty nameProperty() {
        return name;
    }

    /** The base context, one of {@link #contexts()}. */
    public StringProperty contextProperty() {
        return context;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    /** The contexts to pick from, live. */
    public ObservableList<String> contexts() {
        return contexts;
    }

    /** The first thing wrong with the fields, "" when DRP would accept them. */
    public StringBinding validationProperty() {
        return validation;
    }

    public ReadOnlyStringProperty saveProblemProperty() {
        return saveProblem.getReadOnlyProperty();
    }

    /** What the last save had to undo on the endpoint (its default workflow), "" when nothing. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    public BooleanBinding canSaveProperty() {
        return validation.isEmpty().and(saving.not());
    }

    /** Creates the machine in the background; {@code onSaved} gets DRP's version on the FX thread. */
    public void save(Consumer<Machine> onSaved) {
        if (!canSaveProperty().get()) {
            return;
        }
        Machine runner = Machine.runner(name.get().strip(), context.get(), description.get());
        BackgroundTask.wrap(() -> MachineCreation.createRunner(client, runner))
                .onRunning(() -> {
                    saving.set(true);
                    saveProblem.set("");
                })
                .onSuccess(created -> {
                    notice.set(created.notice());
                    onSaved.accept(created.machine());
                })
                .onFailure(failure -> saveProblem.set(failure instanceof DrpApiException api && api.isNameTaken()
                        ? "A machine named " + runner.name() + " already exists. Pick another name."
                        : PlainWords.of("Could not create the machine", failure)))
                .onFinished(() -> saving.set(false))
                .executeWith(tasks);
    }

    private String firstProblem() {
        String wanted = name.get().strip();
        String nameProblem = DrpNames.machineNameProblem(wanted);
        if (!nameProblem.isEmpty()) {
            return nameProblem;
        }
        if (contexts.isEmpty()) {
            return "There is no context yet: create one in Contexts first.";
        }
        return context.get() == null || context.get().isEmpty() ? "Pick the context this machine runs tasks in." : "";
    }
}
