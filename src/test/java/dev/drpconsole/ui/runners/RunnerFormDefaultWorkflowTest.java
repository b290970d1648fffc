package dev.drpconsole.ui.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.drpconsole.core.concurrent.TaskRunner;
import dev.drpconsole.core.drp.Machine;
import dev.drpconsole.core.setup.DemoContentPack;
import dev.drpconsole.sandbox.RunnerSandbox;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Runners view's new-runner form on an endpoint with a {@code defaultWorkflow}: the machine it makes runs no
 * workflow and is handed no job, and the form says the endpoint's default was removed.
 */
@Tag("engine")
@Tag("sandbox")
class RunnerFormDefaultWorkflowTest {
    @TempDir
    Path work;

    @Test
    void theNewRunnerRunsNoDefaultWorkflowAndTheUserIsTold() throws Exception {
        try (RunnerSandbox sandbox = RunnerSandbox.start(work)) {
            sandbox.setPref("defaultWorkflow", DemoContentPack.WORKFLOW);
            RunnerFormViewModel form = new RunnerFormViewModel(sandbox.client(), TaskRunner.inline(),
                    FXCollections.observableArrayList(DemoContentPack.CONTEXT));
            form.nameProperty().set("form-runner");
            List<Machine> saved = new ArrayList<>();

            form.save(saved::add);

            assertEquals("", form.saveProblemProperty().get());
            Machine runner = sandbox.machine(saved.get(0).uuid());
            assertEquals("", runner.workflow());
            assertEquals(DemoContentPack.CONTEXT, runner.context());
            assertEquals(List.of(), sandbox.jobsOnceItsRunnerRuns(runner.uuid()));
            assertEquals("The endpoint's default workflow " + DemoContentPack.WORKFLOW + " was removed from form-runner:"
                    + " a runner runs no workflow of its own.", form.noticeProperty().get());
        }
    }
}
