package dev.drpconsole.ui.setup;

import dev.drpconsole.core.engine.RunnerContainerName;
import dev.drpconsole.core.setup.ContextStep;
import dev.drpconsole.core.setup.CreatedObject;
import dev.drpconsole.core.setup.RunnerMachineStep;
import dev.drpconsole.core.setup.TestJobStep;
import dev.drpconsole.ui.common.Navigator;
import java.util.List;
import java.util.UUID;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The Summary page: what is set up (links into the views), what the wizard made, and every command by hand. */
final class SummaryPageView extends PageView {

    SummaryPageView(WizardPage page, SetupForms.Context context) {
        super(page, context);
    }

    @Override
    String willDo() {
        return model.allDone()
                ? "The runner works: the test job ran in the context. Here is what the wizard made, and the commands"
                        + " that do the same by hand."
                : "Not finished yet: the steps without ✓ are still to run.";
    }

    @Override
    StepState state() {
        return model.allDone() ? StepState.DONE : StepState.PENDING;
    }

    @Override
    String blockedReason() {
        return model.allDone() ? "" : "The steps without ✓ are still to run: Run all remaining runs them.";
    }

    @Override
    String primaryText() {
        return "Open the runners";
    }

    @Override
    void primaryAction() {
        model.value(RunnerMachineStep.UUID_VALUE).ifPresentOrElse(uuid -> navigator.show(Navigator.RUNNERS, uuid),
                () -> navigator.show(Navigator.RUNNERS, ""));
    }

    @Override
    Node content() {
        VBox setUp = new VBox(4);
        setUp.setId("summary-set-up");
        VBox created = new VBox(4);
        created.setId("summary-created");
        Runnable refresh = () -> {
            setUp.getChildren().setAll(setUpRows());
            created.getChildren().setAll(createdRows());
        };
        model.journalChanges.addListener((obs, old, now) -> refresh.run());
        model.states.addListener((javafx.collections.ListChangeListener<StepState>) change -> refresh.run());
        refresh.run();
        TextArea commands = new TextArea();
        commands.setId("summary-commands");
        commands.setEditable(false);
        commands.setPrefRowCount(14);
        commands.getStyleClass().add(MONOSPACE);
        commands.textProperty().bind(Bindings.createStringBinding(model::allCommands, commandInputs()));
        Button copy = new Button("Copy all commands");
        copy.setId("copy-commands");
        copy.setOnAction(e -> copy(commands.getText()));
        HBox commandsHeading = new HBox(8, bold("The same by hand"), copy);
        commandsHeading.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return new VBox(10, bold("What is set up"), setUp, bold("Made or changed by the wizard (Clean up removes or restores these)"),
                created, commandsHeading, commands);
    }

    /** The context, the runner, its container and the test job, each a link into its view. */
    private List<Node> setUpRows() {
        List<Node> rows = new java.util.ArrayList<>();
        if (model.isDone(ContextStep.ID)) {
            rows.add(bullet(link("summary-context", "The context " + model.contextName.get() + " ("
                    + model.imageTag.get() + ")", () -> navigator.show(Navigator.CONTEXTS, model.contextName.get()))));
        }
        model.value(RunnerMachineStep.UUID_VALUE).filter(uuid -> model.isDone(RunnerMachineStep.ID)).ifPresent(uuid -> {
            String container = RunnerContainerName.forMachine(UUID.fromString(uuid));
            rows.add(bullet(link("summary-runner", "The runner machine " + model.runnerName.get(),
                    () -> navigator.show(Navigator.RUNNERS, uuid))));
            rows.add(bullet(link("summary-container", "Its container " + container,
                    () -> navigator.show(Navigator.CONTAINERS, container))));
        });
        model.value(TestJobStep.JOB_VALUE).filter(job -> model.isDone(TestJobStep.ID)).ifPresent(job ->
                rows.add(bullet(link("summary-job", "The test job on " + model.testMachineName.get() + ": finished",
                        () -> navigator.show(Navigator.JOBS, job)))));
        if (rows.isEmpty()) {
            rows.add(hint("Nothing yet."));
        }
        return rows;
    }

    private List<Node> createdRows() {
        List<CreatedObject> created = model.created();
        if (created.isEmpty()) {
            return List.of(hint("Nothing (an existing context or content pack the wizard only used is not listed:"
                    + " clean-up leaves it alone)."));
        }
        return created.stream().map(object -> (Node) bullet(new Label(capitalized(model.describe(object))))).toList();
    }
}
