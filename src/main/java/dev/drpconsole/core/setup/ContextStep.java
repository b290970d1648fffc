package dev.drpconsole.core.setup;

import dev.drpconsole.core.drp.DrpContext;
import dev.drpconsole.core.drp.DrpException;
import dev.drpconsole.core.drp.DrpNames;
import dev.drpconsole.core.drp.DrpType;
import dev.drpconsole.core.engine.ImageReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Creates the docker-context context for the image, reusing an identical one and never silently replacing one. */
public final class ContextStep implements SetupStep {
    public static final String ID = "context";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Context";
    }

    @Override
    public String willDo(SetupChoices choices) {
        return "Creates the context " + choices.contextName() + " that runs tasks in " + choices.imageTag()
                + " with the docker-context engine. An identical context is reused; one with other settings is"
                + " only replaced if you say so.";
    }

    @Override
    public String plannedWork(SetupChoices choices) {
        return "Create the context " + choices.contextName() + " (docker-context, image " + choices.imageTag() + ")";
    }

    @Override
    public List<String> choiceProblems(SetupChoices choices) {
        return SetupChoiceRules.problems(DrpNames.contextNameProblem(choices.contextName()),
                ImageReference.problem(choices.imageTag()));
    }

    @Override
    public List<String> commands(SetupChoices choices) {
        return List.of("drpcli contexts create " + ShellWords.quote(wanted(choices).json().toString()));
    }

    /** The context that will be sent. */
    public static DrpContext wanted(SetupChoices choices) {
        return DrpContext.of(choices.contextName(), DrpContext.DOCKER_CONTEXT, choices.imageTag(),
                choices.contextDescription());
    }

    @Override
    public void run(StepContext context, StepProgress progress) throws InterruptedException {
        Cancellation.cancellable(() -> createOrReuse(context, progress));
    }

    private static void createOrReuse(StepContext context, StepProgress progress) {
        DrpContext wanted = wanted(context.choices());
        try {
            progress.status("Looking for the context " + wanted.name());
            Optional<DrpContext> existing = context.targets().client().get(DrpType.CONTEXTS, wanted.name());
            if (existing.isEmpty()) {
                progress.status("Creating the context " + wanted.name());
                context.journal().recordCreated(new CreatedObject(CreatedKind.CONTEXT, wanted.name(), ID));
                context.targets().client().create(wanted);
                progress.output("Created the context " + wanted.name() + ".");
                return;
            }
            List<String> differences = differences(existing.get(), wanted);
            if (differences.isEmpty()) {
                progress.output("The context " + wanted.name() + " already exists with these settings: reused.");
            } else if (context.choices().replaceContext() && !existing.get().readOnly()) {
                context.journal().recordCreated(new CreatedObject(CreatedKind.CONTEXT_SETTINGS, wanted.name(), ID,
                        existing.get().json().toString()));
                context.targets().client().update(existing.get(), existing.get().withEngine(wanted.engine())
                        .withImage(wanted.image()).withDescription(wanted.description()));
                progress.output("Replaced the settings of the context " + wanted.name() + ": "
                        + String.join("; ", differences) + ".");
            } else {
                throw new ContextDiffersProblem(existing.get(), differences);
            }
        } catch (DrpException e) {
            throw new SetupProblem("Could not create the context: " + e.getMessage(),
                    "Check the name follows DRP's rules and you may create contexts, then retry.", e);
        }
    }

    /** The fields that differ, "Field: theirs there, ours here". */
    public static List<String> differences(DrpContext existing, DrpContext wanted) {
        List<String> differences = new ArrayList<>();
        compare(differences, "Engine", existing.engine(), wanted.engine());
        compare(differences, "Image", existing.image(), wanted.image());
        compare(differences, "Description", existing.description(), wanted.description());
        return differences;
    }

    private static void compare(List<String> differences, String field, String there, String here) {
        if (!there.equals(here)) {
            differences.add(field + ": \"" + there + "\" there, \"" + here + "\" here");
        }
    }
}
