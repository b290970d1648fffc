package dev.drpconsole.ui.setup;

import dev.drpconsole.core.engine.RunnerContainerName;
import dev.drpconsole.core.setup.RunnerMachineStep;
import dev.drpconsole.ui.common.Navigator;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;

/** The Runner machine page: its name, then links to the machine and its container. */
final class RunnerPageView extends StepPageView {

    RunnerPageView(WizardPage page, SetupForms.Context context) {
        super(page, context, "Create the runner");
    }

    @Override
    Node content() {
        Hyperlink machine = link("runner-link", "Show the runner machine", () ->
                model.value(RunnerMachineStep.UUID_VALUE).ifPresent(uuid -> navigator.show(Navigator.RUNNERS, uuid)));
        Hyperlink container = link("container-link", "Show its container", () ->
                model.value(RunnerMachineStep.UUID_VALUE).ifPresent(uuid -> navigator.show(Navigator.CONTAINERS,
                        RunnerContainerName.forMachine(UUID.fromString(uuid)))));
        return new MachineNameForm().build(this, "runner-name", "Machine name", model.runnerName,
                model::runnerNameProblem, "", machine, container);
    }
}
