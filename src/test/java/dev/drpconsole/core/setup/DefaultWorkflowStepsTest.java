package dev.drpconsole.core.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drpconsole.core.drp.DrpType;
import dev.drpconsole.core.drp.Filter;
import dev.drpconsole.core.drp.Job;
import dev.drpconsole.core.drp.Machine;
import dev.drpconsole.sandbox.RunnerSandbox;
import dev.drpconsole.testsupport.TestLabels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wizard's runner machine and test job on an endpoint whose {@code defaultWorkflow} is set (here the demo
 * workflow, whose task a runner's container would run): the runner machine comes out with no workflow, is handed
 * no job, and the step says the default was removed; the test job still runs and succeeds.
 */
@Tag("engine")
@Tag("sandbox")
class DefaultWorkflowStepsTest {
    @TempDir
    Path work;

    @Test
    void theRunnerMachineRunsNoDefaultWorkflowAndTheTestJobStillRuns() throws Exception {
        try (RunnerSandbox sandbox = RunnerSandbox.start(work.resolve("sandbox"))) {
            sandbox.setPref("defaultWorkflow", DemoContentPack.WORKFLOW);
            SetupChoices base = SetupSandbox.choices("drpconsole-test/unused:" + TestLabels.runId(), "prefs");
            SetupChoices choices = new SetupChoices(base.drpcli(), base.baseImage(), base.packages(),
                    base.dockerfile(), base.imageTag(), DemoContentPack.CONTEXT, base.contextDescription(), false,
                    "prefs-runner", "prefs-test");
            Map<String, String> labels = new HashMap<>(TestLabels.forThisRun());
            labels.put(SetupTargets.LABEL, "true");
            StepContext context = new StepContext(new SetupTargets(sandbox.client(), sandbox.engine(), labels),
                    choices, SetupJournal.load(Files.createDirectories(work.resolve("journal"))),
                    Files.createDirectories(work.resolve("step")));
            List<String> said = new CopyOnWriteArrayList<>();
            StepProgress progress = new StepProgress() {
                @Override
                public void output(String text) {
                    said.add(text);
                }
            };

            new RunnerMachineStep().run(context, progress);

            Machine runner = sandbox.client().list(DrpType.MACHINES, Filter.where("Name", "prefs-runner")).get(0);
            assertEquals("", runner.workflow());
            assertEquals(List.of(), runner.tasks());
            assertEquals(DemoContentPack.CONTEXT, runner.context());
            assertTrue(said.contains("The endpoint's default workflow " + DemoContentPack.WORKFLOW + " was removed from"
                    + " prefs-runner: a runner runs no workflow of its own."), said.toString());
            assertEquals(List.of(), sandbox.jobsOnceItsRunnerRuns(runner.uuid()));

            new TestJobStep().run(context, progress);

            Machine test = sandbox.client().list(DrpType.MACHINES, Filter.where("Name", "prefs-test")).get(0);
            List<Job> jobs = sandbox.client().list(DrpType.JOBS, Filter.where("Machine", test.uuid())
                    .and("Task", DemoContentPack.TASK));
            assertEquals("finished", jobs.get(0).state(), jobs.toString());
        }
    }
}
