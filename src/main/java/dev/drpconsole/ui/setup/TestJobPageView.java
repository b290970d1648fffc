package dev.drpconsole.ui.setup;

import dev.drpconsole.core.setup.TestJobStep;
import dev.drpconsole.ui.common.Navigator;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** The Test job page: the test machine's name, then a link to the job. */
final class TestJobPageView extends StepPageView {

    TestJobPageView(WizardPage page, SetupForms.Context context) {
        super(page, context, "Run the test job");
    }

    @Override
    Node content() {
        TextField name = field("test-machine", model.testMachineName);
        lockWhenDone(TestJobStep.ID, name);
        Hyperlink job = link("job-link", "Open the test job in Jobs", () ->
                model.value(TestJobStep.JOB_VALUE).ifPresent(uuid -> navigator.show(Navigator.JOBS, uuid)));
        GridPane grid = grid();
        grid.addRow(0, topLabel("Test machine name"), checked(name, "test-machine-problem",
                model::testMachineNameProblem));
        return new VBox(12, grid, hint("The job's output follows live in Output below."),
                showWhenDone(TestJobStep.ID, job));
    }
}
