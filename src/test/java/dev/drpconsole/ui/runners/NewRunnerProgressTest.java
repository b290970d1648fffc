package dev.drpconsole.ui.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.drpconsole.core.drp.DrpType;
import dev.drpconsole.core.drp.Machine;
import dev.drpconsole.core.drp.MachineCreation;
import dev.drpconsole.core.drp.OkHttpDrpClient;
import dev.drpconsole.testsupport.SandboxAccess;
import dev.drpconsole.testsupport.SandboxEndpoint;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A.6: a new runner has no tasks; DRP v4.7.0 says so with CurrentTask 0 and WorkflowComplete (agent/taskRunner_test.go),
 * the v3 server with CurrentTask -1 (backend/machines.go validateChangeStage). The Runners view reads both alike.
 */
@Tag("sandbox")
class NewRunnerProgressTest {
    @RegisterExtension
    static final SandboxEndpoint V4 = new SandboxEndpoint();
    @RegisterExtension
    static final SandboxEndpoint V3 = new SandboxEndpoint(config -> config.withV3EmptyTaskLists());

    @Test
    void aNewRunnerHasNoTasksOnEitherServer() {
        assertEquals(List.of(0, -1), List.of(currentTaskOfNewRunner(V4), currentTaskOfNewRunner(V3)));
    }

    private static int currentTaskOfNewRunner(SandboxEndpoint endpoint) {
        try (OkHttpDrpClient client = SandboxAccess.connect(endpoint.server())) {
            String uuid = MachineCreation.createRunner(client, Machine.runner("fresh", "", "")).machine().uuid();
            Machine machine = client.get(DrpType.MACHINES, uuid).orElseThrow();
            RunnerRow row = new RunnerRow(machine, null, "");
            assertEquals("no tasks", row.progress().toString());
            assertEquals("", row.currentTaskName());
            return machine.currentTask();
        }
    }
}
