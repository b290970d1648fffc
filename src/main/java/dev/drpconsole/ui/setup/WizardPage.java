package dev.drpconsole.ui.setup;

import dev.drpconsole.core.setup.BuildImageStep;
import dev.drpconsole.core.setup.ContextStep;
import dev.drpconsole.core.setup.PreflightStep;
import dev.drpconsole.core.setup.PublishImageStep;
import dev.drpconsole.core.setup.RunnerMachineStep;
import dev.drpconsole.core.setup.SetupPlan;
import dev.drpconsole.core.setup.SetupStep;
import dev.drpconsole.core.setup.TestJobStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One page of the wizard as the user walks through it. Most pages run one step of the plan; the endpoint, the
 * runner image form and the summary are pages without a step of their own.
 *
 * @param id     for ids ({@code #step-<id>}) and tests
 * @param title  its name in the step list
 * @param step   the plan's step it runs, if any
 * @param action the primary button's word while the step is not done ("Build image")
 */
record WizardPage(String id, String title, Optional<SetupStep> step, String action) {
    static final String ENDPOINT = "endpoint";
    static final String IMAGE = "image";
    static final String SUMMARY = "summary";

    /** Endpoint, Preflight, Runner image, Build, Publish, Context, Runner machine, Test job, Summary. */
    static List<WizardPage> of(SetupPlan plan) {
        List<WizardPage> pages = new ArrayList<>();
        pages.add(new WizardPage(ENDPOINT, "Endpoint", Optional.empty(), "Next"));
        for (SetupStep step : plan.steps()) {
            if (step.id().equals(BuildImageStep.ID)) {
                pages.add(new WizardPage(IMAGE, "Runner image", Optional.empty(), "Next"));
            }
            pages.add(new WizardPage(step.id(), step.title(), Optional.of(step), actionOf(step.id())));
        }
        pages.add(new WizardPage(SUMMARY, "Summary", Optional.empty(), "Done"));
        return List.copyOf(pages);
    }

    private static String actionOf(String stepId) {
        return switch (stepId) {
            case PreflightStep.ID -> "Run the checks";
            case BuildImageStep.ID -> "Build the image";
            case PublishImageStep.ID -> "Publish the image";
            case ContextStep.ID -> "Create the context";
            case RunnerMachineStep.ID -> "Create the runner";
            case TestJobStep.ID -> "Run the test job";
            default -> "Run";
        };
    }
}
