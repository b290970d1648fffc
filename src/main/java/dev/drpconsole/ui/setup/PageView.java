package dev.drpconsole.ui.setup;

import dev.drpconsole.core.setup.SetupStep;
import dev.drpconsole.ui.common.Navigator;
import java.util.List;
import java.io.IOException;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.StringProperty;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * One page of the wizard as the user sees it, one small class per page: what it says it will do, its mark in the
 * step list, why its primary button is greyed, what that button says and does, and its content (built once, on
 * the first visit). The pieces every page is made of (fields checked as the user types, fields locked once their
 * step is done, the commands by hand, links) are here too.
 */
abstract class PageView {
    static final String MONOSPACE = "setup-code";

    protected final WizardPage page;
    protected final SetupViewModel model;
    protected final EndpointChoices endpoints;
    protected final Navigator navigator;
    private final java.util.function.Supplier<FilePicker> picker;

    PageView(WizardPage page, SetupForms.Context context) {
        this.page = page;
        this.model = context.model();
        this.endpoints = context.endpoints();
        this.navigator = context.navigator();
        this.picker = context.picker();
    }

    /** The page's own choices and results, under its heading. */
    abstract Node content();

    /** What the page will do, in plain words, under its heading. */
    abstract String willDo();

    /** Its mark in the step list. */
    abstract StepState state();

    /** Why the primary button is greyed; "" when it is not. */
    abstract String blockedReason();

    /** The primary button's words. */
    String primaryText() {
        return "Next ›";
    }

    /** What the primary button does. */
    void primaryAction() {
        model.next();
    }

    Node commands(SetupStep step) {
        TextArea text = new TextArea();
        text.setId("commands-" + step.id());
        text.setEditable(false);
        text.setPrefRowCount(4);
        text.getStyleClass().add(MONOSPACE);
        text.textProperty().bind(Bindings.createStringBinding(() -> model.commandsOf(step), commandInputs()));
        Button copy = new Button("Copy");
        copy.setOnAction(e -> copy(text.getText()));
        VBox body = new VBox(6, text, copy);
        TitledPane pane = new TitledPane("The same by hand (drpcli / docker)", body);
        pane.setExpanded(false);
        pane.setAnimated(false);
        return pane;
    }

    static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    void lockWhenDone(String stepId, Node... nodes) {
        BooleanBinding done = Bindings.createBooleanBinding(() -> model.isDone(stepId) || model.running.get(),
                model.states, model.running);
        for (Node node : nodes) {
            node.disableProperty().bind(done);
        }
    }

    Node showWhenDone(String stepId, Node node) {
        node.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.isDone(stepId), model.states));
        node.managedProperty().bind(node.visibleProperty());
        return node;
    }

    static Hyperlink link(String id, String text, Runnable action) {
        Hyperlink link = new Hyperlink(text);
        link.setId(id);
        link.setOnAction(e -> action.run());
        return link;
    }

    static TextField field(String id, StringProperty value) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    /** A name field with DRP's verdict under it, as the user types ({@code #<problemId>}, "" when fine). */
    VBox checked(TextField field, String problemId, java.util.function.Supplier<String> problem) {
        Label said = new Label();
        said.setId(problemId);
        said.setWrapText(true);
        said.getStyleClass().add("setup-problem-text");
        showProblem(said, problem);
        return new VBox(4, field, said);
    }

    static Label hint(String text) {
        Label hint = new Label(text);
        hint.setWrapText(true);
        hint.getStyleClass().add("setup-hint");
        return hint;
    }

    /** A row label for a tall field: at the top, level with the field's first line. */
    static Label topLabel(String text) {
        Label label = new Label(text);
        label.setPadding(new Insets(5, 0, 0, 0));
        GridPane.setValignment(label, javafx.geometry.VPos.TOP);
        return label;
    }

    static Label bold(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("setup-subheading");
        return label;
    }

    static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, fields);
        return grid;
    }

    void chooseFile(Node owner, String title, java.nio.file.Path folder,
                    java.util.function.Consumer<java.nio.file.Path> then) {
        picker.get().pick(window(owner), title, folder).ifPresent(then);
    }

    static Window window(Node node) {
        return node.getScene() == null ? null : node.getScene().getWindow();
    }

    static HBox bullet(Node... parts) {
        HBox row = new HBox(4, new Label("•"));
        row.getChildren().addAll(parts);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return row;
    }

    static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    Observable[] choiceInputs() {
        return new Observable[] {model.drpcli, model.baseImage, model.packages, model.imageTag, model.contextName,
            model.contextDescription, model.runnerName, model.testMachineName, model.states};
    }

    /** The commands by hand also follow the Dockerfile, the upload choice and the endpoint. */
    Observable[] commandInputs() {
        List<Observable> inputs = new java.util.ArrayList<>(List.of(choiceInputs()));
        inputs.addAll(List.of(model.dockerfile, model.keepOnEngine, model.clientProperty(), model.endpointUser));
        return inputs.toArray(Observable[]::new);
    }

    /** Loads the page's FXML form (beside this class) with this view as its controller. */
    Node form(String fxml) {
        FXMLLoader loader = new FXMLLoader(PageView.class.getResource(fxml));
        loader.setController(this);
        try {
            return loader.load();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Internal error: the wizard's form " + fxml + " cannot be loaded from"
                    + " this build of the console", e);
        }
    }

    /** A field's verdict under it, as the user types; hidden while the field is fine. */
    void showProblem(Label said, java.util.function.Supplier<String> problem) {
        said.textProperty().bind(Bindings.createStringBinding(problem::get, model.nameInputs()));
        said.visibleProperty().bind(said.textProperty().isNotEmpty());
        said.managedProperty().bind(said.visibleProperty());
    }

    /** The Dockerfile, editable where the image is described and where a failed build is fixed. */
    TextArea dockerfileEditor(String id) {
        TextArea editor = new TextArea();
        editor.setId(id);
        editor.getStyleClass().add(MONOSPACE);
        editor.setPrefRowCount(9);
        editor.textProperty().bindBidirectional(model.dockerfile);
        return editor;
    }
}
