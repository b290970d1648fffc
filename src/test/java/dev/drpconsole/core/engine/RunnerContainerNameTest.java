package dev.drpconsole.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RunnerContainerNameTest {

    static final UUID MACHINE = UUID.fromString("6a2f1c3e-0b4d-4e5f-8a9b-0c1d2e3f4a5b");

    @Test
    void runnerNameCarriesTheMachineUuid() {
        assertEquals("drp-runner-6a2f1c3e-0b4d-4e5f-8a9b-0c1d2e3f4a5b", RunnerContainerName.forMachine(MACHINE));
        assertEquals(Optional.of(MACHINE),
                RunnerContainerName.machineUuidOf("drp-runner-6a2f1c3e-0b4d-4e5f-8a9b-0c1d2e3f4a5b"));
    }

    @Test
    void engineStyleLeadingSlashIsAccepted() {
        assertEquals(Optional.of(MACHINE),
                RunnerContainerName.machineUuidOf("/drp-runner-6a2f1c3e-0b4d-4e5f-8a9b-0c1d2e3f4a5b"));
    }

    @Test
    void otherNamesAreNotRunners() {
        assertFalse(RunnerContainerName.isRunner("drp-runner-"));
        assertFalse(RunnerContainerName.isRunner("drp-runner-1-2-3-4-5"));
        assertFalse(RunnerContainerName.isRunner("my-drp-runner-6a2f1c3e-0b4d-4e5f-8a9b-0c1d2e3f4a5b"));
        assertFalse(RunnerContainerName.isRunner("drp-runner-6a2f1c3e-0b4d-4e5f-8a9b-0c1d2e3f4a5b-old"));
        assertFalse(RunnerContainerName.isRunner("dr-provision"));
        assertFalse(RunnerContainerName.isRunner(null));
    }

    @Test
    void containerSummaryTellsItsMachine() {
        ContainerSummary runner = new ContainerSummary("id", RunnerContainerName.forMachine(MACHINE), "img",
                "running", "Up 1 second", Instant.EPOCH, Map.of());

        assertTrue(runner.isRunner());
        assertTrue(runner.isRunning());
        assertEquals(Optional.of(MACHINE), runner.runnerMachineUuid());
    }
}
