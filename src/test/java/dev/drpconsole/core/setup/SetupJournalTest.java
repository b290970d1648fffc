package dev.drpconsole.core.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SetupJournalTest {
    @TempDir
    Path dir;

    private final CreatedObject image = new CreatedObject(CreatedKind.IMAGE, "drp/runner:1", "build");
    private final CreatedObject context = new CreatedObject(CreatedKind.CONTEXT, "runner", "context");
    private final CreatedObject machine = new CreatedObject(CreatedKind.MACHINE, "a-uuid", "runner");

    @Test
    void aReRunSeesWhatTheInterruptedRunFinishedAndCreated() {
        SetupJournal first = SetupJournal.load(dir);
        first.markDone("preflight");
        first.recordCreated(image);
        first.putValue("runner.uuid", "a-uuid");

        SetupJournal again = SetupJournal.load(dir);
        assertTrue(again.isDone("preflight"));
        assertFalse(again.isDone("build"));
        assertEquals(List.of(image), again.created());
        assertEquals(Optional.of("drp/runner:1"), again.createdBy("build", CreatedKind.IMAGE));
        assertEquals(Optional.of("a-uuid"), again.value("runner.uuid"));
        assertEquals("build", SetupPlan.standard().firstUnfinished(again).orElseThrow().id());
    }

    @Test
    void theSettingsOfAReplacedContextSurviveARestartForCleanUpToPutBack() {
        CreatedObject replaced = new CreatedObject(CreatedKind.CONTEXT_SETTINGS, "runner", "context",
                "{\"Name\":\"runner\",\"Image\":\"someone/else:1\"}");
        SetupJournal.load(dir).recordCreated(replaced);

        assertEquals(List.of(replaced), SetupJournal.load(dir).created());
    }

    @Test
    void cleanUpRemovesNewestFirstAndForgetsTheRun() {
        SetupJournal journal = SetupJournal.load(dir);
        journal.recordCreated(image);
        journal.recordCreated(context);
        journal.recordCreated(machine);
        journal.markDone("build");
        List<CreatedObject> removed = new ArrayList<>();

        journal.cleanUp(removed::add);

        assertEquals(List.of(machine, context, image), removed);
        SetupJournal reloaded = SetupJournal.load(dir);
        assertTrue(reloaded.created().isEmpty());
        assertFalse(reloaded.isDone("build"));
    }

    @Test
    void aFailedRemovalKeepsItAndOlderObjectsForTheNextCleanUp() {
        SetupJournal journal = SetupJournal.load(dir);
        journal.recordCreated(image);
        journal.recordCreated(context);
        journal.recordCreated(machine);

        assertThrows(SetupProblem.class, () -> journal.cleanUp(object -> {
            if (object.kind() == CreatedKind.CONTEXT) {
                throw new SetupProblem("in use", "retry");
            }
        }));

        assertEquals(List.of(image, context), SetupJournal.load(dir).created());
    }

    @Test
    void aDamagedJournalStartsAfresh() throws Exception {
        Files.writeString(dir.resolve(SetupJournal.FILE_NAME), "{not json");
        assertTrue(SetupJournal.load(dir).created().isEmpty());
    }
}
