package dev.drpconsole.ui.setup;

import dev.drpconsole.core.connection.EndpointProfile;
import dev.drpconsole.ui.common.Icon;
import dev.drpconsole.ui.common.PageProblemBanner;
import dev.drpconsole.ui.common.SectionPage;
import dev.drpconsole.ui.common.ViewServices;
import dev.drpconsole.ui.logview.LogView;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Setup section: a wizard from an endpoint to a finished test job. The step list on the left (✓ done,
 * … running, ✗ failed) jumps to any page; the page shows what its step will do, its choices and the equivalent
 * commands; the output below follows builds, containers and jobs live. Back / the step's action or Next, Run all
 * remaining, Cancel and Clean up sit in the bar at the bottom (Alt+← / Alt+→ go back and forth).
 */
public final class SetupPage implements SectionPage {
    private final SetupViewModel model;
    private final SetupForms forms;
    private final BorderPane root = new BorderPane();
    private final LogView output = new LogView();
    private final ScrollPane pageHolder = new ScrollPane();

    /**
     * @param endpoints   the endpoint page's choices
     * @param settingsDir where the wizard keeps its journal
     * @param labels      labels for everything the wizard puts on the engine
     */
    public SetupPage(ViewServices services, EndpointChoices endpoints, Path settingsDir, Map<String, String> labels) {
        this.model = new SetupViewModel(services, settingsDir, labels);
        model.endpointUser.bind(Bindings.createStringBinding(() -> endpoints.active().get() == null
                ? EndpointProfile.DEFAULT_USERNAME : endpoints.active().get().username(), endpoints.active()));
        this.forms = new SetupForms(model, endpoints, services.navigator());
        root.getStyleClass().add("setup-page");
        output.setId("setup-output");
        output.setTitle("Output");
        output.setPlaceholderText("What the steps do appears here: checks, the build, the runner's start, the"
                + " test job's output.");
        output.wrapProperty().set(true);
        model.setOutput(output::append);
        root.setLeft(stepList());
        pageHolder.setFitToWidth(true);
        pageHolder.getStyleClass().add("setup-page-holder");
        PageProblemBanner banner = new PageProblemBanner(model.problem, model::dismissProblem);
        VBox top = new VBox(banner, pageHolder);
        VBox.setVgrow(pageHolder, Priority.ALWAYS);
        SplitPane split = new SplitPane(top, progressPane());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.7);
        root.setCenter(split);
        root.setBottom(buttonBar());
        showPage(model.current.get());
        model.current.addListener((obs, old, now) -> showPage(now.intValue()));
        root.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, key -> {
            if (new KeyCodeCombination(KeyCode.LEFT, KeyCombination.ALT_DOWN).match(key)) {
                model.back();
                key.consume();
            } else if (new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.ALT_DOWN).match(key)) {
                model.next();
                key.consume();
            }
        });
    }

    private Node stepList() {
        VBox list = new VBox(2);
        list.getStyleClass().add("setup-steps");
        list.setPrefWidth(216); // the longest title, "Runner machine", bold when it is the page shown
        list.setMinWidth(Region.USE_PREF_SIZE);
        for (int i = 0; i < model.pages().size(); i++) {
            WizardPage page = model.page(i);
            int index = i;
            Button entry = new Button();
            entry.setId("step-" + page.id());
            entry.getStyleClass().add("setup-step");
            entry.setMaxWidth(Double.MAX_VALUE);
            entry.setAlignment(Pos.CENTER_LEFT);
            entry.textProperty().bind(Bindings.createStringBinding(
                    () -> (index + 1) + "  " + page.title(), model.current));
            Label mark = new Label();
            mark.getStyleClass().add("setup-step-mark");
            mark.setMinWidth(16);
            mark.textProperty().bind(Bindings.createStringBinding(() -> markOf(index).mark(), model.states,
                    model.clientProperty(), model.baseImage, model.dockerfile, model.imageTag));
            entry.setGraphic(mark);
            model.current.addListener((obs, old, now) -> selected(entry, now.intValue() == index));
            model.states.addListener((javafx.collections.ListChangeListener<StepState>) change ->
                    styleMark(mark, markOf(index)));
            styleMark(mark, markOf(index));
            selected(entry, model.current.get() == index);
            entry.setOnAction(e -> model.current.set(index));
            list.getChildren().add(entry);
        }
        return list;
    }

    private StepState markOf(int index) {
        return forms.view(index).state();
    }

    private static void selected(Button entry, boolean selected) {
        entry.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("current"), selected);
    }

    private static void styleMark(Label mark, StepState state) {
        mark.getStyleClass().removeIf(style -> style.startsWith("setup-mark-"));
        mark.getStyleClass().add("setup-mark-" + state.name().toLowerCase(java.util.Locale.ROOT));
    }

    private void showPage(int index) {
        pageHolder.setContent(forms.pageFor(index));
        pageHolder.setVvalue(0);
    }

    private Node progressPane() {
        Label status = new Label();
        status.setId("status");
        status.setWrapText(true);
        status.getStyleClass().add("setup-status");
        status.textProperty().bind(model.status);
        ProgressBar bar = new ProgressBar();
        bar.setId("setup-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(Bindings.createDoubleBinding(() -> model.progress.get(), model.progress));
        bar.visibleProperty().bind(model.running);
        bar.managedProperty().bind(model.running);
        status.managedProperty().bind(model.status.isNotEmpty());
        VBox pane = new VBox(6, status, bar, output);
        pane.setPadding(new Insets(8, 16, 8, 16));
        VBox.setVgrow(output, Priority.ALWAYS);
        return pane;
    }

    private Node buttonBar() {
        Button cleanUp = new Button("Clean up…");
        cleanUp.setId("clean-up");
        cleanUp.setGraphic(Icon.DELETE_OUTLINE.node(16));
        cleanUp.disableProperty().bind(model.running);
        cleanUp.setOnAction(e -> forms.confirmCleanUp(root.getScene().getWindow()));
        Button cancel = new Button("Cancel");
        cancel.setId("cancel");
        cancel.setGraphic(Icon.STOP.node(16));
        cancel.disableProperty().bind(model.running.not());
        cancel.setOnAction(e -> model.cancel());

        Button back = new Button("‹ Back");
        back.setId("back");
        back.disableProperty().bind(model.running.or(model.current.isEqualTo(0)));
        back.setOnAction(e -> model.back());
        Button runAll = new Button("Run all remaining");
        runAll.setId("run");
        runAll.setGraphic(Icon.PLAY_CIRCLE_OUTLINE.node(16));
        runAll.setMinWidth(Region.USE_PREF_SIZE);
        runAll.disableProperty().bind(model.running.or(Bindings.createBooleanBinding(
                () -> model.allDone() || !model.runAllBlockedReason().isEmpty(), blockingInputs())));
        runAll.setOnAction(e -> forms.confirmRunRemaining(root.getScene().getWindow()));
        Button primary = new Button();
        primary.setId("next");
        primary.setDefaultButton(true);
        primary.textProperty().bind(Bindings.createStringBinding(this::primaryText, model.current, model.states,
                model.problem));
        primary.setMinWidth(Region.USE_PREF_SIZE);
        primary.disableProperty().bind(model.running.or(Bindings.createBooleanBinding(
                () -> !shownView().blockedReason().isEmpty(), blockingInputs())));
        primary.setOnAction(e -> primaryAction());
        List.of(cleanUp, cancel, back).forEach(button -> button.setMinWidth(Region.USE_PREF_SIZE));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(8, cleanUp, cancel, gap, back, runAll, primary);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox bottom = new VBox(6, whyGreyed(), bar);
        bottom.getStyleClass().add("setup-buttons");
        return bottom;
    }

    /**
     * Why Next (or the step's action) or Run all remaining is greyed, right above them: the reason may sit on a
     * part of the page scrolled out of sight. Id {@code #why-greyed}; hidden while nothing is greyed.
     */
    private Node whyGreyed() {
        Label why = new Label();
        why.setId("why-greyed");
        why.setWrapText(true);
        why.setGraphic(Icon.ALERT_CIRCLE_OUTLINE.node(16));
        why.getStyleClass().add("setup-why-greyed");
        why.setMaxWidth(Double.MAX_VALUE);
        why.setMinHeight(Region.USE_PREF_SIZE);
        why.textProperty().bind(Bindings.createStringBinding(() -> {
            if (model.running.get()) {
                return "";
            }
            String primary = shownView().blockedReason();
            if (!primary.isEmpty()) {
                return primary;
            }
            String runAll = model.runAllBlockedReason();
            return runAll.isEmpty() ? "" : "Run all remaining waits: " + runAll;
        }, blockingInputs()));
        why.visibleProperty().bind(why.textProperty().isNotEmpty());
        why.managedProperty().bind(why.visibleProperty());
        return why;
    }

    /** Everything the greyed buttons depend on. */
    private javafx.beans.Observable[] blockingInputs() {
        List<javafx.beans.Observable> inputs = new java.util.ArrayList<>(List.of(model.nameInputs()));
        inputs.addAll(List.of(model.current, model.clientProperty(), model.baseImage, model.dockerfile,
                model.running));
        return inputs.toArray(javafx.beans.Observable[]::new);
    }

    /** The view of the page shown. */
    private PageView shownView() {
        return forms.view(model.current.get());
    }

    private String primaryText() {
        return shownView().primaryText();
    }

    private void primaryAction() {
        shownView().primaryAction();
    }

    /** Replaces the desktop's file dialog behind the page's file buttons (tests). */
    void usePicker(FilePicker picker) {
        forms.usePicker(picker);
    }

    /** The wizard's state, for demos and tests in this package. */
    SetupViewModel model() {
        return model;
    }

    @Override
    public Node node() {
        return root;
    }
}
