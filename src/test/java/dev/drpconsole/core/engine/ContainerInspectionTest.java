package dev.drpconsole.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContainerInspectionTest {
    private static final String UUID = "6a2f1c3e-0b4d-4e5f-8a9b-0c1d2e3f4a5b";

    private static ContainerDetails runner(boolean running) {
        return new ContainerDetails("abc123", "drp-runner-" + UUID, "drpconsole/runner:1", "sha256:ff", running
                ? "running" : "exited", running, running ? 0 : 137, Instant.parse("2026-01-02T03:04:05Z"),
                Optional.of(Instant.parse("2026-01-02T03:04:06Z")), Optional.empty(),
                Map.of("z", "last", "a", "first"), List.of("RS_UUID=" + UUID, "RS_TOKEN=eyJsecret.token",
                "DB_PASSWORD=hunter2", "PATH=/usr/bin"), "host");
    }

    @Test
    void secretValuesNeverAppearAnywhere() {
        ContainerInspection inspection = ContainerInspection.of(runner(true));
        assertEquals(List.of("RS_UUID=" + UUID, "RS_TOKEN=" + EnvironmentMask.HIDDEN,
                "DB_PASSWORD=" + EnvironmentMask.HIDDEN, "PATH=/usr/bin"), inspection.environment());
        assertFalse(inspection.json().contains("eyJsecret") || inspection.json().contains("hunter2"),
                inspection.json());
        assertFalse(inspection.facts().values().stream().anyMatch(value -> value.contains("eyJsecret")));
    }

    @Test
    void keyFactsSayWhatAUserAsksFirst() {
        ContainerInspection exited = ContainerInspection.of(runner(false));
        assertEquals("drpconsole/runner:1", exited.facts().get("Image"));
        assertEquals("exited (exit code 137)", exited.facts().get("State"));
        assertEquals(UUID, exited.facts().get("Runner for machine"));
        assertEquals("host", exited.facts().get("Network"));
        assertEquals("—", exited.facts().get("Finished"));
        assertEquals(List.of("a", "z"), List.copyOf(exited.labels().keySet()), "labels sorted");
        assertTrue(exited.json().contains("\"ExitCode\" : 137"), exited.json());
    }

    @Test
    void ordinaryVariablesAreLeftAlone() {
        assertEquals("HOME=/root", EnvironmentMask.mask("HOME=/root"));
        assertEquals("PWD=/", EnvironmentMask.mask("PWD=/"));
        assertEquals("GITHUB_TOKEN=" + EnvironmentMask.HIDDEN, EnvironmentMask.mask("GITHUB_TOKEN=ghp_x"));
        assertEquals("NOVALUE", EnvironmentMask.mask("NOVALUE"));
    }
}
