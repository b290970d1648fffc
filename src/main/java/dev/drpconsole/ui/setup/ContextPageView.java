package dev.drpconsole.ui.setup;

import dev.drpconsole.core.drp.DrpContext;
import dev.drpconsole.core.setup.ContextStep;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The Context page: name and description checked as typed, the JSON sent, and a same-named context side by side with ours. */
final class ContextPageView extends StepPageView {

    ContextPageView(WizardPage page, SetupForms.Context context) {
        super(page, context, "Create the context");
    }

    @FXML
    private VBox conflict;
    @FXML
    private TextField name;
    @FXML
    private Label nameProblem;
    @FXML
    private TextField description;
    @FXML
    private Label engine;
    @FXML
    private Label image;
    @FXML
    private TextArea json;

    @Override
    Node content() {
        Node root = form("ContextPage.fxml");
        name.textProperty().bindBidirectional(model.contextName);
        description.textProperty().bindBidirectional(model.contextDescription);
        engine.setText(DrpContext.DOCKER_CONTEXT);
        image.textProperty().bind(model.imageTag);
        json.textProperty().bind(Bindings.createStringBinding(model::contextJson, model.contextName,
                model.contextDescription, model.imageTag));
        showProblem(nameProblem, model::contextNameProblem);
        lockWhenDone(ContextStep.ID, name, description);
        conflict.visibleProperty().bind(model.conflictingContext.isNotNull());
        conflict.managedProperty().bind(conflict.visibleProperty());
        model.conflictingContext.addListener((obs, old, theirs) -> {
            if (theirs != null) {
                conflict.getChildren().setAll(conflictView(theirs, name));
            }
        });
        return root;
    }

    /** Theirs and ours side by side, the differing fields marked, and the two ways on. */
    private Node[] conflictView(DrpContext theirs, TextField name) {
        DrpContext ours = ContextStep.wanted(model.choices());
        Label title = new Label("A context named " + theirs.name() + " already exists with other settings.");
        title.getStyleClass().add("setup-conflict-title");
        GridPane table = new GridPane();
        table.setId("context-diff");
        table.setHgap(16);
        table.setVgap(4);
        table.addRow(0, bold("Field"), bold("On the endpoint"), bold("The wizard's"));
        String[][] rows = {{"Engine", theirs.engine(), ours.engine()}, {"Image", theirs.image(), ours.image()},
            {"Description", theirs.description(), ours.description()}};
        for (int i = 0; i < rows.length; i++) {
            boolean differs = !rows[i][1].equals(rows[i][2]);
            Label field = new Label((differs ? "≠ " : "  ") + rows[i][0]);
            Label there = new Label(rows[i][1].isEmpty() ? "(empty)" : rows[i][1]);
            Label here = new Label(rows[i][2].isEmpty() ? "(empty)" : rows[i][2]);
            if (differs) {
                List.of(field, there, here).forEach(label -> label.getStyleClass().add("setup-differs"));
            }
            table.addRow(i + 1, field, there, here);
        }
        Button replace = new Button("Replace it with the wizard's settings");
        replace.setId("replace-context");
        replace.setOnAction(e -> model.replaceConflictingContext());
        // DRP refuses changes to a content pack's context: offering to replace it would only fail.
        replace.setDisable(theirs.readOnly());
        Button rename = new Button("Use another name");
        rename.setId("rename-context");
        rename.setOnAction(e -> {
            model.conflictingContext.set(null);
            model.dismissProblem();
            name.requestFocus();
            name.selectAll();
        });
        Label warning = hint(theirs.readOnly() ? "It cannot be replaced: it is " + theirs.readOnlyReason()
                + " (then upload the pack again), or use another name for the wizard's context."
                : "Replacing changes the context for every machine that uses it; Clean up puts its"
                + " settings back as they were.");
        warning.setId("context-conflict-hint");
        return new Node[] {title, table, new HBox(8, replace, rename), warning};
    }
}
