package dev.drpconsole.ui.contexts;

import dev.drpconsole.core.drp.DrpContext;
import dev.drpconsole.ui.common.FormWindow;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The create/edit context window (ContextForm.fxml): binds the form to its {@link ContextFormViewModel}. Ids:
 * {@code #context-name}, {@code #context-engine}, {@code #context-image}, {@code #context-description},
 * {@code #context-error} (validation, save failures and conflicts), {@code #context-request} (the JSON sent),
 * {@code #context-reload} (shown after a conflict), {@code #context-cancel}, {@code #context-save}.
 */
public final class ContextFormView {
    private final ContextFormViewModel model;
    private final Consumer<DrpContext> onSaved;
    private Stage stage;
    @FXML
    private TextField nameField;
    @FXML
    private TextField engineField;
    @FXML
    private TextField imageField;
    @FXML
    private TextArea descriptionField;
    @FXML
    private Label errorLabel;
    @FXML
    private TextArea requestArea;
    @FXML
    private Button reloadButton;
    @FXML
    private Button saveButton;

    private ContextFormView(ContextFormViewModel model, Consumer<DrpContext> onSaved) {
        this.model = model;
        this.onSaved = onSaved;
    }

    /** Opens the form over {@code owner}; {@code onSaved} hears DRP's version after a successful save. */
    public static void open(Window owner, ContextFormViewModel model, Consumer<DrpContext> onSaved) {
        ContextFormView view = new ContextFormView(model, onSaved);
        Parent form = FormWindow.load(ContextFormView.class, "ContextForm.fxml", view);
        view.stage = FormWindow.open(owner, model.title(), form);
        view.nameField.requestFocus();
    }

    @FXML
    private void initialize() {
        nameField.textProperty().bindBidirectional(model.nameProperty());
        nameField.setEditable(!model.editing()); // DRP refuses a key change (400)
        engineField.textProperty().bindBidirectional(model.engineProperty());
        imageField.textProperty().bindBidirectional(model.imageProperty());
        descriptionField.textProperty().bindBidirectional(model.descriptionProperty());
        requestArea.textProperty().bind(model.requestProperty());
        FormWindow.bindError(errorLabel, model.validationProperty(), model.saveProblemProperty());
        reloadButton.visibleProperty().bind(model.conflictProperty());
        saveButton.disableProperty().bind(model.canSaveProperty().not());
        saveButton.textProperty().bind(Bindings.when(model.savingProperty()).then("Saving…")
                .otherwise(model.editing() ? "Save" : "Create"));
        model.validationProperty().addListener((obs, old, now) -> markInvalid());
        markInvalid();
    }

    private void markInvalid() {
        // Only once the user typed something: an empty new form is not an error yet.
        mark(nameField, model.nameInvalid() && !nameField.getText().isEmpty());
        mark(imageField, model.imageInvalid() && !imageField.getText().isEmpty());
    }

    private static void mark(TextInputControl field, boolean invalid) {
        field.getStyleClass().remove("invalid");
        if (invalid) {
            field.getStyleClass().add("invalid");
        }
    }

    @FXML
    private void save() {
        model.save(saved -> {
            stage.close();
            onSaved.accept(saved);
        });
    }

    @FXML
    private void reload() {
        model.reload();
    }

    @FXML
    private void cancel() {
        stage.close();
    }
}
