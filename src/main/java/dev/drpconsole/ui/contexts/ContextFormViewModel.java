package dev.drpconsole.ui.contexts;

import dev.drpconsole.core.concurrent.BackgroundTask;
import dev.drpconsole.core.concurrent.TaskRunner;
import dev.drpconsole.core.drp.ContextChanges;
import dev.drpconsole.core.drp.DrpApiException;
import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.drp.DrpContext;
import dev.drpconsole.core.drp.DrpType;
import dev.drpconsole.ui.common.PlainWords;
import java.util.Optional;
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

/**
 * The create/edit form of a context: the fields, what is wrong with them while the user types, the request that
 * Save will send, and the save itself. An edit is sent as a patch tested against the version the user opened, so
 * when someone else changed the context meanwhile nothing is overwritten: the form says what they changed and
 * offers to reload (keeping the user's values, to apply them on top of the new version).
 */
public final class ContextFormViewModel {
    private final DrpClient client;
    private final TaskRunner tasks;
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty engine = new SimpleStringProperty(DrpContext.DOCKER_CONTEXT);
    private final StringProperty image = new SimpleStringProperty("");
    private final StringProperty description = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper saveProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper conflict = new ReadOnlyBooleanWrapper(false);
    private final StringBinding validation;
    private final StringBinding request;
    private DrpContext original;
    private DrpContext latest;

    /** @param original the context as the user opened it; null for a new one */
    ContextFormViewModel(DrpClient client, TaskRunner tasks, DrpContext original) {
        this.client = client;
        this.tasks = tasks;
        this.original = original;
        if (original != null) {
            name.set(original.name());
            engine.set(original.engine());
            image.set(original.image());
            description.set(original.description());
        }
        validation = Bindings.createStringBinding(this::firstProblem, name, engine, image);
        request = Bindings.createStringBinding(() -> ContextChanges.request(this.original, changed()), name, engine,
                image, description, conflict);
    }

    public boolean editing() {
        return original != null;
    }

    /** The dialog's title. */
    public String title() {
        return editing() ? "Edit context " + original.name() : "New context";
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty engineProperty() {
        return engine;
    }

    public StringProperty imageProperty() {
        return image;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    /** The first thing wrong with the fields, "" when DRP would accept them. */
    public StringBinding validationProperty() {
        return validation;
    }

    /** Whether the name field has a problem now (the view marks the field). */
    public boolean nameInvalid() {
        return !ContextRules.nameProblem(name.get().strip()).isEmpty();
    }

    public boolean imageInvalid() {
        return !ContextRules.imageProblem(image.get().strip()).isEmpty();
    }

    /** The JSON Save sends. */
    public StringBinding requestProperty() {
        return request;
    }

    /** Why the last save failed, in plain words; "" when it did not. */
    public ReadOnlyStringProperty saveProblemProperty() {
        return saveProblem.getReadOnlyProperty();
    }

    /** True after a save met someone else's change; {@link #reload()} resolves it. */
    public ReadOnlyBooleanProperty conflictProperty() {
        return conflict.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /** Save is possible: valid fields, no save running, no unresolved conflict. */
    public BooleanBinding canSaveProperty() {
        return validation.isEmpty().and(saving.not()).and(conflict.not());
    }

    /** Creates or updates the context in the background; {@code onSaved} gets DRP's version on the FX thread. */
    public void save(Consumer<DrpContext> onSaved) {
        if (!canSaveProperty().get()) {
            return;
        }
        DrpContext opened = original;
        DrpContext changed = changed();
        BackgroundTask.wrap(() -> send(opened, changed))
                .onRunning(() -> {
                    saving.set(true);
                    saveProblem.set("");
                })
                .onSuccess(outcome -> outcome.saved().ifPresentOrElse(onSaved,
                        () -> showConflict(opened, outcome.latest())))
                .onFailure(failure -> saveProblem.set(describeFailure(failure)))
                .onFinished(() -> saving.set(false))
                .executeWith(tasks);
    }

    /**
     * After a conflict: the endpoint's version becomes the one being edited. Fields the user changed keep the
     * user's value (their edit is applied again); the others take the new version's, so Save does not undo
     * someone else's change the user never touched.
     */
    public void reload() {
        if (latest != null) {
            takeUntouched(engine, original.engine(), latest.engine());
            takeUntouched(image, original.image(), latest.image());
            takeUntouched(description, original.description(), latest.description());
            original = latest;
            latest = null;
        }
        conflict.set(false);
        saveProblem.set("");
    }

    private static void takeUntouched(StringProperty field, String opened, String theirs) {
        if (field.get().equals(opened)) {
            field.set(theirs);
        }
    }

    private SaveOutcome send(DrpContext opened, DrpContext changed) {
        if (opened == null) {
            return new SaveOutcome(Optional.of(client.create(changed)), null);
        }
        // The patch only tests the fields this edit changes; the user also read the others in the form, so a
        // change to any of them meanwhile is a conflict too (the patch's tests still catch a later race).
        Optional<DrpContext> now = client.get(DrpType.CONTEXTS, opened.name());
        if (now.isEmpty() || ContextChanges.editedFieldsDiffer(opened, now.get())) {
            return new SaveOutcome(Optional.empty(), now.orElse(null));
        }
        try {
            return new SaveOutcome(Optional.of(client.update(opened, changed)), null);
        } catch (DrpApiException e) {
            if (!e.isConflict()) {
                throw e;
            }
            return new SaveOutcome(Optional.empty(), client.get(DrpType.CONTEXTS, opened.name()).orElse(null));
        }
    }

    private void showConflict(DrpContext opened, DrpContext theirs) {
        conflict.set(true);
        if (theirs == null) {
            saveProblem.set("Someone else deleted context " + opened.name() + " since you opened it. Close this form"
                    + " and create it again if you still need it.");
            return;
        }
        latest = theirs;
        saveProblem.set("Someone else changed context " + opened.name() + " since you opened it: "
                + ContextChanges.describe(opened, theirs) + ". Reload and apply your edit again?");
    }

    private String describeFailure(Exception failure) {
        if (failure instanceof DrpApiException api && api.isConflict() && !editing()) {
            return "A context named " + name.get().strip() + " already exists. Pick another name, or edit that one.";
        }
        return PlainWords.of(editing() ? "Could not save context " + original.name() : "Could not create the context",
                failure);
    }

    private DrpContext changed() {
        String newName = name.get().strip();
        if (original == null) {
            return DrpContext.of(newName, engine.get().strip(), image.get().strip(), description.get());
        }
        return original.withEngine(engine.get().strip()).withImage(image.get().strip())
                .withDescription(description.get());
    }

    private String firstProblem() {
        String problem = ContextRules.nameProblem(name.get().strip());
        if (problem.isEmpty()) {
            problem = ContextRules.engineProblem(engine.get());
        }
        return problem.isEmpty() ? ContextRules.imageProblem(image.get().strip()) : problem;
    }

    /** What a save came to: the saved context, or (on a conflict) the endpoint's version, null when deleted. */
    private record SaveOutcome(Optional<DrpContext> saved, DrpContext latest) {
    }
}
