package dev.drpconsole.ui.setup;

import dev.drpconsole.core.setup.BuildImageStep;
import dev.drpconsole.core.setup.ContextStep;
import dev.drpconsole.core.setup.CreatedObject;
import dev.drpconsole.core.setup.PreflightStep;
import dev.drpconsole.core.setup.PublishImageStep;
import dev.drpconsole.core.setup.RunnerMachineStep;
import dev.drpconsole.core.setup.SetupStep;
import dev.drpconsole.core.setup.TestJobStep;
import dev.drpconsole.ui.common.Navigator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The wizard's pages, one {@link PageView} each, made once in the plan's order: each page's node (a heading with
 * what it will do, its content, and for a step the commands by hand) is built on its first visit and kept. Fields
 * of a step that is done are read-only (clean up to change them). Also the two confirmations, Run all remaining
 * and Clean up.
 */
final class SetupForms {
    /** The page view of each step of the plan, by the step's type; the pages without a step by their id. */
    private static final Map<Class<? extends SetupStep>, BiFunction<WizardPage, Context, PageView>> STEP_VIEWS =
            Map.of(PreflightStep.class, PreflightPageView::new, BuildImageStep.class, BuildPageView::new,
                    PublishImageStep.class, PublishPageView::new, ContextStep.class, ContextPageView::new,
                    RunnerMachineStep.class, RunnerPageView::new, TestJobStep.class, TestJobPageView::new);
    private static final Map<String, BiFunction<WizardPage, Context, PageView>> OTHER_VIEWS = Map.of(
            WizardPage.ENDPOINT, EndpointPageView::new, WizardPage.IMAGE, ImagePageView::new,
            WizardPage.SUMMARY, SummaryPageView::new);

    /** What every page view works with. */
    record Context(SetupViewModel model, EndpointChoices endpoints, Navigator navigator, Supplier<FilePicker> picker) {
    }

    private final SetupViewModel model;
    private final List<PageView> views = new ArrayList<>();
    private final Node[] built;
    private FilePicker picker = FilePicker.SYSTEM;

    SetupForms(SetupViewModel model, EndpointChoices endpoints, Navigator navigator) {
        this.model = model;
        Context context = new Context(model, endpoints, navigator, () -> picker);
        for (WizardPage page : model.pages()) {
            views.add(page.step().<BiFunction<WizardPage, Context, PageView>>map(step -> STEP_VIEWS.get(step.getClass()))
                    .orElseGet(() -> OTHER_VIEWS.get(page.id())).apply(page, context));
        }
        built = new Node[views.size()];
    }

    /** The view of the page at {@code index}. */
    PageView view(int index) {
        return views.get(index);
    }

    Node pageFor(int index) {
        if (built[index] == null) {
            built[index] = build(index);
        }
        return built[index];
    }

    private Node build(int index) {
        PageView view = views.get(index);
        WizardPage page = model.page(index);
        Label heading = new Label("Step " + (index + 1) + " of " + views.size() + " · " + page.title());
        heading.getStyleClass().add("setup-heading");
        heading.setId("setup-heading-" + page.id());
        Label willDo = new Label();
        willDo.setWrapText(true);
        willDo.getStyleClass().add("setup-will-do");
        willDo.textProperty().bind(Bindings.createStringBinding(view::willDo, view.choiceInputs()));
        VBox box = new VBox(12, heading, willDo, view.content());
        page.step().ifPresent(step -> box.getChildren().add(view.commands(step)));
        box.setPadding(new Insets(16, 20, 16, 20));
        box.setId("setup-page-" + page.id());
        return box;
    }

    /**
     * Asks before running every remaining step, listing what they will create; Cancel is the default button, so
     * Enter does not start creating machines and containers.
     */
    void confirmRunRemaining(Window owner) {
        StringBuilder text = new StringBuilder();
        model.plannedWork().forEach(line -> text.append("• ").append(line).append('\n'));
        ButtonType run = new ButtonType("Run all remaining", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, "In this order, on " + model.currentUrl()
                + " and the container engine:\n\n" + text + "\nClean up removes what it created.", ButtonType.CANCEL,
                run);
        confirm.setHeaderText("Run all remaining steps?");
        confirm.setTitle("Run all remaining");
        confirm.initOwner(owner);
        confirm.getDialogPane().setId("confirm-run-all");
        ((Button) confirm.getDialogPane().lookupButton(run)).setDefaultButton(false);
        ((Button) confirm.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        confirm.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        confirm.showAndWait().filter(run::equals).ifPresent(yes -> model.runRemaining());
    }

    /** Asks first, listing exactly what will be removed. */
    void confirmCleanUp(Window owner) {
        List<CreatedObject> created = model.created();
        StringBuilder text = new StringBuilder();
        for (int i = created.size() - 1; i >= 0; i--) {
            text.append("• ").append(PageView.capitalized(model.describe(created.get(i)))).append('\n');
        }
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, created.isEmpty()
                ? "The wizard has not created anything yet. Start over anyway?"
                : "These are removed, newest first; nothing else is touched:\n\n" + text, ButtonType.CANCEL,
                ButtonType.OK);
        confirm.setHeaderText(created.isEmpty() ? "Start over?" : "Remove what the wizard created?");
        confirm.initOwner(owner);
        confirm.showAndWait().filter(ButtonType.OK::equals).ifPresent(ok -> model.cleanUp());
    }

    /** Replaces the desktop's file dialog (tests: a headless FileChooser cannot be driven). */
    void usePicker(FilePicker replacement) {
        picker = replacement;
    }
}
