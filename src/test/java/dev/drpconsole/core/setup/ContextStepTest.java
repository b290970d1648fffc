package dev.drpconsole.core.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.core.drp.DrpType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The context step against the real sandbox, where a context shipped in a content pack is read-only (D.15). */
@Tag("engine")
@Tag("sandbox")
class ContextStepTest {
    @TempDir
    Path dir;

    @Test
    void aReadOnlyContextIsNeverReplacedAndTheProblemSaysWhereToChangeIt() throws Exception {
        SetupChoices wanted = SetupSandbox.choices("drpconsole-test/mine:1", "packed");
        SetupChoices replacing = new SetupChoices(wanted.drpcli(), wanted.baseImage(), wanted.packages(),
                wanted.dockerfile(), wanted.imageTag(), wanted.contextName(), wanted.contextDescription(), true,
                wanted.runnerName(), wanted.testMachineName());
        try (SetupSandbox sandbox = SetupSandbox.start(dir.resolve("sandbox"))) {
            sandbox.client.putContent((ObjectNode) new ObjectMapper().readTree("""
                    {"meta": {"Name": "team-pack", "Version": "v1.0"},
                     "sections": {"contexts": {"%s": {"Name": "%s", "Engine": "docker-context",
                                                      "Image": "team/runner_v1.0.0"}}}}"""
                    .formatted(wanted.contextName(), wanted.contextName())));
            SetupJournal journal = SetupJournal.load(dir.resolve("settings"));

            for (SetupChoices choices : List.of(wanted, replacing)) {
                StepContext context = new StepContext(sandbox.targets, choices, journal, dir.resolve("work"));
                ContextDiffersProblem problem = assertThrows(ContextDiffersProblem.class,
                        () -> new ContextStep().run(context, StepProgress.NONE));
                assertTrue(problem.readOnly(), "the page must not offer to replace it");
                assertTrue(problem.getMessage().contains("content pack team-pack"), problem.getMessage());
                assertTrue(problem.fix().contains("another name"), problem.fix());
            }
            assertEquals("team/runner_v1.0.0", sandbox.client.get(DrpType.CONTEXTS, wanted.contextName())
                    .orElseThrow().image(), "untouched");
            assertEquals(List.of(), journal.created(), "nothing to undo");
        }
    }
}
