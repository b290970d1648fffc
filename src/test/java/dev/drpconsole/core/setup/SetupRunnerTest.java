package dev.drpconsole.core.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wizard's and headless setup's step loop, with steps that only record what happened. */
class SetupRunnerTest {
    @TempDir
    Path dir;

    private final List<String> events = new ArrayList<>();

    private SetupStep step(String id, Runnable work) {
        return new SetupStep() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String title() {
                return "Step " + id;
            }

            @Override
            public String willDo(SetupChoices choices) {
                return "";
            }

            @Override
            public String plannedWork(SetupChoices choices) {
                return "";
            }

            @Override
            public List<String> commands(SetupChoices choices) {
                return List.of();
            }

            @Override
            public void run(StepContext context, StepProgress progress) {
                events.add("run " + id);
                work.run();
            }
        };
    }

    private final SetupRunner.Listener listener = new SetupRunner.Listener() {
        @Override
        public void stepAlreadyDone(int index, SetupStep step) {
            events.add("skip " + step.id());
        }

        @Override
        public void stepDone(int index, SetupStep step) {
            events.add("done " + step.id());
        }

        @Override
        public void stepFailed(int index, SetupStep step, RuntimeException failure) {
            events.add("failed " + step.id() + ": " + SetupRunner.problemText(step, failure));
        }
    };

    private StepContext context(SetupJournal journal) {
        return new StepContext(null, null, journal, dir.resolve("work"));
    }

    @Test
    void runsWhatTheJournalDoesNotHaveAsDoneInOrderAndMarksItDone() throws Exception {
        SetupJournal journal = SetupJournal.load(dir);
        journal.markDone("a");
        SetupRunner runner = new SetupRunner(new SetupPlan(List.of(step("a", () -> { }), step("b", () -> { }),
                step("c", () -> { }))));

        assertTrue(runner.runAll(context(journal), listener));

        assertEquals(List.of("skip a", "run b", "done b", "run c", "done c"), events);
        assertTrue(SetupJournal.load(dir).isDone("c"), "the journal on disk has the step as done");
    }

    @Test
    void stopsAtTheFirstFailureWithTheProblemAndItsFixAsSentences() throws Exception {
        SetupJournal journal = SetupJournal.load(dir);
        SetupRunner runner = new SetupRunner(new SetupPlan(List.of(step("a", () -> {
            throw new SetupProblem("The engine has no image x:1", "Load it with docker load -i x.tar.");
        }), step("b", () -> { }))));

        assertFalse(runner.runAll(context(journal), listener));

        assertEquals(List.of("run a", "failed a: Step a: The engine has no image x:1. Load it with docker load -i"
                + " x.tar."), events);
        assertFalse(journal.isDone("a"));
    }

    @Test
    void runThroughStopsAfterTheGivenStep() throws Exception {
        SetupRunner runner = new SetupRunner(new SetupPlan(List.of(step("a", () -> { }), step("b", () -> { }))));

        assertTrue(runner.runThrough(context(SetupJournal.load(dir)), 0, listener));

        assertEquals(List.of("run a", "done a"), events);
    }

    @Test
    void aFailureAfterACancelIsTheCancelNotAProblem() {
        SetupRunner runner = new SetupRunner(new SetupPlan(List.of(step("a", () -> {
            throw new IllegalStateException("interrupted while waiting");
        }))), SetupRunner.ENDPOINT_PATIENCE_MS, () -> true);

        assertThrows(InterruptedException.class, () -> runner.runAll(context(SetupJournal.load(dir)), listener));
        assertEquals(List.of("run a"), events);
    }
}
