package dev.drpconsole.ui.runners;

import dev.drpconsole.core.drp.Machine;
import dev.drpconsole.ui.common.FormWindow;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The new runner machine window (RunnerForm.fxml). Ids: {@code #runner-name}, {@code #runner-context},
 * {@code #runner-description}, {@code #runner-error}, {@code #runner-cancel}, {@code #runner-save}.
 */
public final class RunnerFormView {
    private final RunnerFormViewModel model;
    private final Consumer<Machine> onSaved;
    private Stage stage;
    @FXML
    private TextField nameField;
    @FXML
    private ComboBox<String> contextBox;
    @FXML
    private TextField descriptionField;
    @FXML
    private Label errorLabel;
    @FXML
    private Button saveButton;

    private RunnerFormView(RunnerFormViewModel model, Consumer<Machine> onSaved) {
        this.model = model;
        this.onSaved = onSaved;
    }

    public static void open(Window owner, RunnerFormViewModel model, Consumer<Machine> onSaved) {
        RunnerFormView view = new RunnerFormView(model, onSaved);
        Parent form = FormWindow.load(RunnerFormView.class, "RunnerForm.fxml", view);
        view.stage = FormWindow.open(owner, "New runner machine", form);
        view.nameField.requestFocus();
    }

    @FXML
    private void initialize() {
        nameField.textProperty().bindBidirectional(model.nameProperty());
        contextBox.setItems(model.contexts());
        contextBox.valueProperty().bindBidirectional(model.contextProperty());
        descriptionField.textProperty().bindBidirectional(model.descriptionProperty());
        FormWindow.bindError(errorLabel, model.validationProperty(), model.saveProblemProperty());
        saveButton.disableProperty().bind(model.canSaveProperty().not());
        saveButton.textProperty().bind(Bindings.when(model.savingProperty()).then("Creating…").otherwise("Create"));
    }

    @FXML
    private void save() {
        model.save(saved -> {
            stage.close();
            onSaved.accept(saved);
        });
    }

    @FXML
    private void cancel() {
        stage.close();
    }
}
