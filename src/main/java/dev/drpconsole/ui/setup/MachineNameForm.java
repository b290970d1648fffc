package dev.drpconsole.ui.setup;

import javafx.beans.property.StringProperty;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;

/**
 * The form of the Runner machine and Test job pages ({@code MachineNamePage.fxml}): a machine's name checked as the
 * user types, a note, and the links to what the step made, shown once it is done.
 */
final class MachineNameForm {
    @FXML
    private Label nameLabel;
    @FXML
    private TextField name;
    @FXML
    private Label nameProblem;
    @FXML
    private Label note;
    @FXML
    private HBox links;

    private final Node root;

    MachineNameForm() {
        FXMLLoader loader = new FXMLLoader(MachineNameForm.class.getResource("MachineNamePage.fxml"));
        loader.setController(this);
        try {
            root = loader.load();
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalStateException("Internal error: the wizard's MachineNamePage.fxml cannot be loaded"
                    + " from this build of the console", e);
        }
    }

    /**
     * @param page   the page it is on: locks the name once its step is done, shows the links then
     * @param id     the name field's id ({@code #<id>}, its verdict {@code #<id>-problem})
     * @param label  the row's label, e.g. "Machine name"
     * @param value  the choice the field edits
     * @param rule   what is wrong with the name, "" when DRP takes it
     * @param text   a note under the field ("" for none)
     * @param made   links to what the step made
     */
    Node build(StepPageView page, String id, String label, StringProperty value,
               java.util.function.Supplier<String> rule, String text, Node... made) {
        nameLabel.setText(label);
        name.setId(id);
        nameProblem.setId(id + "-problem");
        name.textProperty().bindBidirectional(value);
        page.showProblem(nameProblem, rule);
        page.lockWhenDone(page.step().id(), name);
        note.setText(text);
        note.setVisible(!text.isEmpty());
        note.setManaged(!text.isEmpty());
        links.getChildren().setAll(made);
        page.showWhenDone(page.step().id(), links);
        return root;
    }
}
