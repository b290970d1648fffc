package dev.drpconsole.ui.setup;

import dev.drpconsole.core.setup.BuildImageStep;
import dev.drpconsole.core.setup.SetupPlan;
import dev.drpconsole.core.setup.SetupStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One page of the wizard as the model walks through it: most pages run one step of the plan; the endpoint, the
 * runner image form and the summary are pages without a step of their own. What a page shows and says is its
 * {@link PageView}.
 *
 * @param id    for ids ({@code #step-<id>}) and tests
 * @param title its name in the step list
 * @param step  the plan's step it runs, if any
 */
record WizardPage(String id, String title, Optional<SetupStep> step) {
    static final String ENDPOINT = "endpoint";
    static final String IMAGE = "image";
    static final String SUMMARY = "summary";

    /** Endpoint, Preflight, Runner image, Build, Publish, Context, Runner machine, Test job, Summary. */
    static List<WizardPage> of(SetupPlan plan) {
        List<WizardPage> pages = new ArrayList<>();
        pages.add(new WizardPage(ENDPOINT, "Endpoint", Optional.empty()));
        for (SetupStep step : plan.steps()) {
            if (step instanceof BuildImageStep) {
                pages.add(new WizardPage(IMAGE, "Runner image", Optional.empty()));
            }
            pages.add(new WizardPage(step.id(), step.title(), Optional.of(step)));
        }
        pages.add(new WizardPage(SUMMARY, "Summary", Optional.empty()));
        return List.copyOf(pages);
    }
}
