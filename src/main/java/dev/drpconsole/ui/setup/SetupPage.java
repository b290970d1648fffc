package dev.drpconsole.ui.setup;

import dev.drpconsole.core.setup.SetupStep;
import dev.drpconsole.ui.common.SectionPage;
import dev.drpconsole.ui.common.ViewServices;
import dev.drpconsole.ui.logview.LogView;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Setup section: the wizard's steps on the left with their marks (✓ done, … running, ✗ failed), the choices,
 * the progress and the live output (build, container, job) on the right, and Run / Cancel / Clean up.
 */
public final class SetupPage implements SectionPage {
    private final SetupViewModel model;
    private final Supplier<CompletableFuture<?>> startSandbox;
    private final BorderPane root = new BorderPane();
    private final LogView output = new LogView();

    /**
     * @param startSandbox connects the local sandbox (the endpoint step's one click)
     * @param settingsDir  where the wizard keeps its journal
     * @param labels       labels for everything the wizard puts on the engine
     */
    public SetupPage(ViewServices services, Supplier<CompletableFuture<?>> startSandbox, Path settingsDir,
                     Map<String, String> labels) {
        this.model = new SetupViewModel(services, settingsDir, labels);
        this.startSandbox = startSandbox;
        output.setId("setup-output");
        output.setTitle("Output");
        model.setOutput(output::append);
        root.setLeft(stepList(services));
        SplitPane right = new SplitPane(new ScrollPane(form()), progressPane());
        right.setOrientation(javafx.geometry.Orientation.VERTICAL);
        right.setDividerPositions(0.55);
        root.setCenter(right);
    }

    private Node stepList(ViewServices services) {
        VBox list = new VBox(8);
        list.setPadding(new Insets(16));
        list.setPrefWidth(210);
        Label endpoint = new Label();
        endpoint.setId("step-endpoint");
        endpoint.textProperty().bind(Bindings.createStringBinding(() -> (services.client().get() != null
                ? StepState.DONE : StepState.PENDING).mark() + "  Endpoint", services.client()));
        list.getChildren().add(endpoint);
        for (int i = 0; i < model.steps().size(); i++) {
            SetupStep step = model.steps().get(i);
            int index = i;
            Label label = new Label();
            label.setId("step-" + step.id());
            label.textProperty().bind(Bindings.createStringBinding(
                    () -> model.states.get(index).mark() + "  " + step.title(), model.states));
            list.getChildren().add(label);
        }
        return list;
    }

    private Node form() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(16));
        Button sandbox = new Button("Start the local sandbox");
        sandbox.setId("start-sandbox");
        sandbox.setOnAction(e -> startSandbox.get());
        Label endpoint = new Label();
        endpoint.setId("endpoint-url");
        endpoint.textProperty().bind(Bindings.createStringBinding(() -> model.connected()
                ? "Connected to " + model.currentUrl() : "Not connected: pick an endpoint or start the sandbox.",
                model.clientProperty()));
        grid.addRow(0, new Label("Endpoint"), new HBox(10, endpoint, sandbox));
        grid.addRow(1, new Label("drpcli for the image"), field("drpcli", model.drpcli));
        ComboBox<String> base = new ComboBox<>(model.baseImages);
        base.setId("base-image");
        base.setPromptText("No local images: load one with docker load -i base.tar");
        base.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.chooseBaseImage(now);
            }
        });
        grid.addRow(2, new Label("Base image"), base);
        grid.addRow(3, new Label("Extra packages"), field("packages", model.packages));
        TextArea dockerfile = new TextArea();
        dockerfile.setId("dockerfile");
        dockerfile.setPrefRowCount(6);
        dockerfile.textProperty().bindBidirectional(model.dockerfile);
        grid.addRow(4, new Label("Dockerfile"), dockerfile);
        grid.addRow(5, new Label("Image tag"), field("image-tag", model.imageTag));
        grid.addRow(6, new Label("Context name"), field("context-name", model.contextName));
        grid.addRow(7, new Label("Description"), field("context-description", model.contextDescription));
        CheckBox replace = new CheckBox("Replace a context of that name with other settings");
        replace.setId("replace-context");
        replace.selectedProperty().bindBidirectional(model.replaceContext);
        grid.addRow(8, new Label(""), replace);
        grid.addRow(9, new Label("Runner machine"), field("runner-name", model.runnerName));
        grid.addRow(10, new Label("Test machine"), field("test-machine", model.testMachineName));
        GridPane.setHgrow(dockerfile, Priority.ALWAYS);
        return grid;
    }

    private static TextField field(String id, javafx.beans.property.StringProperty value) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private Node progressPane() {
        Label status = new Label();
        status.setId("status");
        status.setWrapText(true);
        status.textProperty().bind(model.status);
        Label problem = new Label();
        problem.setId("problem");
        problem.setWrapText(true);
        problem.setStyle("-fx-text-fill: -color-danger-fg;");
        problem.textProperty().bind(model.problem);
        ProgressBar bar = new ProgressBar();
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(Bindings.createDoubleBinding(() -> model.progress.get(), model.progress));
        Button run = new Button("Run");
        run.setId("run");
        run.textProperty().bind(Bindings.when(model.problem.isEmpty()).then("Run").otherwise("Retry"));
        run.disableProperty().bind(model.running);
        run.setOnAction(e -> model.runRemaining());
        Button cancel = new Button("Cancel");
        cancel.setId("cancel");
        cancel.disableProperty().bind(model.running.not());
        cancel.setOnAction(e -> model.cancel());
        Button cleanUp = new Button("Clean up");
        cleanUp.setId("clean-up");
        cleanUp.disableProperty().bind(model.running);
        cleanUp.setOnAction(e -> model.cleanUp());
        VBox pane = new VBox(8, status, bar, problem, new HBox(8, run, cancel, cleanUp), output);
        pane.setPadding(new Insets(12, 16, 12, 16));
        VBox.setVgrow(output, Priority.ALWAYS);
        return pane;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void shown() {
        model.loadBaseImages();
    }
}
