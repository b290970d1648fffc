package dev.drpconsole.core.setup;

import java.util.List;
import java.util.Optional;

/** The wizard's steps after the endpoint is chosen, in order. */
public record SetupPlan(List<SetupStep> steps) {
    public SetupPlan {
        steps = List.copyOf(steps);
    }

    /** Preflight, build, publish, context, runner machine, test job. */
    public static SetupPlan standard() {
        return new SetupPlan(List.of(new PreflightStep(), new BuildImageStep(), new PublishImageStep(),
                new ContextStep(), new RunnerMachineStep(), new TestJobStep()));
    }

    /** The standard plan, but the image is uploaded even when the endpoint seems to share this engine. */
    public static SetupPlan uploadingAlways() {
        return new SetupPlan(List.of(new PreflightStep(), new BuildImageStep(), PublishImageStep.alwaysUploading(),
                new ContextStep(), new RunnerMachineStep(), new TestJobStep()));
    }

    /** Where a re-run continues: the first step the journal does not have as done. */
    public Optional<SetupStep> firstUnfinished(SetupJournal journal) {
        return steps.stream().filter(step -> !journal.isDone(step.id())).findFirst();
    }
}
