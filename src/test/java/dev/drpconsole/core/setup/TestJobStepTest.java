package dev.drpconsole.core.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test job step against the real sandbox: what it records in the journal is what exists on the endpoint. */
@Tag("engine")
@Tag("sandbox")
class TestJobStepTest {
    @TempDir
    Path dir;

    @Test
    void aContentPackThatCouldNotBeMadeIsNotRecordedAsMade() throws Exception {
        Path brokenDrpcli = dir.resolve("drpcli");
        Files.writeString(brokenDrpcli, "#!/bin/sh\necho 'drpcli: cannot bundle' >&2\nexit 1\n");
        Files.setPosixFilePermissions(brokenDrpcli, PosixFilePermissions.fromString("rwxr-xr-x"));
        SetupChoices good = SetupSandbox.choices("drpconsole-test/unused:1", "pack");
        SetupChoices choices = new SetupChoices(brokenDrpcli, good.baseImage(), good.packages(), good.dockerfile(),
                good.imageTag(), good.contextName(), good.contextDescription(), false, good.runnerName(),
                good.testMachineName());
        try (SetupSandbox sandbox = SetupSandbox.start(dir.resolve("sandbox"))) {
            SetupJournal journal = SetupJournal.load(dir.resolve("settings"));
            StepContext context = new StepContext(sandbox.targets, choices, journal, dir.resolve("work"));

            SetupProblem problem = assertThrows(SetupProblem.class,
                    () -> new TestJobStep().run(context, StepProgress.NONE));

            assertTrue(problem.getMessage().contains("cannot bundle"), problem.getMessage());
            assertEquals(List.of(), journal.created(), "nothing was made, so clean-up has nothing to claim");
            assertTrue(sandbox.client.contents().stream().noneMatch(pack -> "context-demo".equals(pack.name())));
        }
    }

    @Test
    void withoutTheCommunityContentTheDemoPackSaysWhatIsMissing() throws Exception {
        SetupChoices choices = SetupSandbox.choices("drpconsole-test/unused:1", "prereq");
        try (SetupSandbox sandbox = SetupSandbox.start(dir.resolve("sandbox"))) {
            // Every real install has it; an endpoint without it lacks the stage complete the demo workflow ends in.
            sandbox.client.deleteContent("drp-community-content");
            SetupJournal journal = SetupJournal.load(dir.resolve("settings"));
            StepContext context = new StepContext(sandbox.targets, choices, journal, dir.resolve("work"));

            SetupProblem problem = assertThrows(SetupProblem.class,
                    () -> new TestJobStep().run(context, StepProgress.NONE));

            assertTrue(problem.getMessage().contains("Layer context-demo has drp-community-content as a prerequisite,"
                    + " but drp-community-content does not exist!"), problem.getMessage());
            assertEquals(List.of(), journal.created(), "no pack and no test machine were made");
        }
    }
}
