package dev.drpconsole.core.drp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.core.setup.DemoContentPack;
import dev.drpconsole.sandbox.RunnerSandbox;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On an endpoint with a {@code defaultWorkflow} (RackN's install sets one), a runner machine made through
 * {@link MachineCreation} still runs no workflow: its container starts and is handed no job, and the user is told
 * the default was removed. The default here is the demo workflow, whose task the runner's container would run.
 */
@Tag("engine")
@Tag("sandbox")
class MachineCreationTest {
    @TempDir
    static Path work;
    static RunnerSandbox sandbox;
    private static final String DEMO_STAGE = "context-demo-stage";

    @BeforeAll
    static void start() throws Exception {
        sandbox = RunnerSandbox.start(work);
        sandbox.setPref("defaultWorkflow", DemoContentPack.WORKFLOW);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void aRunnerKeepsNoWorkflowRunsNoJobAndTheUserIsToldTheDefaultWasRemoved() throws Exception {
        MachineCreation.Created created = MachineCreation.createRunner(sandbox.client(),
                Machine.runner("pref-runner", DemoContentPack.CONTEXT, "made by MachineCreationTest"));

        Machine runner = sandbox.machine(created.machine().uuid());
        assertEquals("", runner.workflow());
        assertEquals(List.of(), runner.tasks());
        assertEquals(DemoContentPack.CONTEXT, runner.baseContext());
        assertEquals(DemoContentPack.CONTEXT, runner.context());
        assertEquals("The endpoint's default workflow " + DemoContentPack.WORKFLOW + " was removed from pref-runner:"
                + " a runner runs no workflow of its own.", created.notice());
        assertEquals(List.of(), sandbox.jobsOnceItsRunnerRuns(runner.uuid()));
    }

    /**
     * An endpoint with only {@code defaultStage} set: the server puts the new machine in that stage and gives it the
     * stage's tasks, with no workflow to remove. The runner is put back in stage {@code none} and runs nothing.
     */
    @Test
    void aRunnerIsTakenOutOfTheDefaultStageAndRunsNoJob() throws Exception {
        sandbox.setPref("defaultWorkflow", "");
        sandbox.setPref("defaultStage", DEMO_STAGE);
        try {
            MachineCreation.Created created = MachineCreation.createRunner(sandbox.client(),
                    Machine.runner("stage-runner", DemoContentPack.CONTEXT, "made by MachineCreationTest"));

            Machine runner = sandbox.machine(created.machine().uuid());
            assertEquals("none", runner.stage());
            assertEquals(List.of(), runner.tasks());
            assertEquals(DemoContentPack.CONTEXT, runner.context());
            assertEquals("The endpoint's default stage " + DEMO_STAGE + " was removed from stage-runner:"
                    + " a runner runs no workflow of its own.", created.notice());
            assertEquals(List.of(), sandbox.jobsOnceItsRunnerRuns(runner.uuid()));
        } finally {
            sandbox.setPref("defaultStage", "none");
            sandbox.setPref("defaultWorkflow", DemoContentPack.WORKFLOW);
        }
    }

    @Test
    void aMachineGetsTheWorkflowAskedForInsteadOfTheDefault() {
        ObjectNode other = JsonNodeFactory.instance.objectNode().put("Name", "pref-other");
        other.putArray("Stages").add("none");
        sandbox.client().create(new Workflow(other));
        Machine wanted = new Machine(JsonNodeFactory.instance.objectNode().put("Name", "pref-plain"));

        MachineCreation.Created created = MachineCreation.create(sandbox.client(), wanted, "pref-other", "testing");

        assertEquals("pref-other", created.machine().workflow());
        assertEquals("The endpoint's default workflow " + DemoContentPack.WORKFLOW + " was replaced by pref-other on"
                + " pref-plain: testing.", created.notice());
    }
}
