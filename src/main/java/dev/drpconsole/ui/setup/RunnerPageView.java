package dev.drpconsole.ui.setup;

import dev.drpconsole.core.engine.RunnerContainerName;
import dev.drpconsole.core.setup.RunnerMachineStep;
import dev.drpconsole.ui.common.Navigator;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The Runner machine page: its name, then links to the machine and its container. */
final class RunnerPageView extends StepPageView {

    RunnerPageView(WizardPage page, SetupForms.Context context) {
        super(page, context, "Create the runner");
    }

    @Override
    Node content() {
        TextField name = field("runner-name", model.runnerName);
        lockWhenDone(RunnerMachineStep.ID, name);
        Hyperlink machine = link("runner-link", "Show the runner machine", () ->
                model.value(RunnerMachineStep.UUID_VALUE).ifPresent(uuid -> navigator.show(Navigator.RUNNERS, uuid)));
        Hyperlink container = link("container-link", "Show its container", () ->
                model.value(RunnerMachineStep.UUID_VALUE).ifPresent(uuid -> navigator.show(Navigator.CONTAINERS,
                        RunnerContainerName.forMachine(UUID.fromString(uuid)))));
        GridPane grid = grid();
        grid.addRow(0, topLabel("Machine name"), checked(name, "runner-name-problem", model::runnerNameProblem));
        return new VBox(12, grid, showWhenDone(RunnerMachineStep.ID, new HBox(16, machine, container)));
    }
}
