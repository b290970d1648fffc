package dev.drpconsole.ui.setup;

import dev.drpconsole.core.setup.TestJobStep;
import dev.drpconsole.ui.common.Navigator;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;

/** The Test job page: the test machine's name, then a link to the job. */
final class TestJobPageView extends StepPageView {

    TestJobPageView(WizardPage page, SetupForms.Context context) {
        super(page, context, "Run the test job");
    }

    @Override
    Node content() {
        Hyperlink job = link("job-link", "Open the test job in Jobs", () ->
                model.value(TestJobStep.JOB_VALUE).ifPresent(uuid -> navigator.show(Navigator.JOBS, uuid)));
        return new MachineNameForm().build(this, "test-machine", "Test machine name", model.testMachineName,
                model::testMachineNameProblem, "The job's output follows live in Output below.", job);
    }
}
