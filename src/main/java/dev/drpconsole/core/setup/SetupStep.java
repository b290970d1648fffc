package dev.drpconsole.core.setup;

import java.util.List;

/**
 * One step of the setup wizard. A step is re-runnable: it first looks in the journal for what an earlier,
 * interrupted run already created and continues from there instead of creating it twice.
 */
public interface SetupStep {

    /** Stable id, kept in the journal. */
    String id();

    /** Its name in the step list. */
    String title();

    /** What it will do, in plain words, shown before it runs. */
    String willDo(SetupChoices choices);

    /** What it will make, in one line, for the confirmation before running all remaining steps. */
    String plannedWork(SetupChoices choices);

    /**
     * What is wrong with the choices this step sends (a name DRP refuses, an image reference the engine refuses),
     * first problem first; empty when it may run. A step never runs with a problem here.
     */
    default List<String> choiceProblems(SetupChoices choices) {
        return List.of();
    }

    /** The drpcli/docker commands that do the same by hand. */
    List<String> commands(SetupChoices choices);

    /**
     * Does the work on a background thread, recording what it creates in the journal as it goes.
     *
     * @throws SetupProblem         the work could not be done; the message and fix are for the user
     * @throws InterruptedException the user cancelled
     */
    void run(StepContext context, StepProgress progress) throws InterruptedException;
}
