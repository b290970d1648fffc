package dev.drpconsole.ui.contexts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drpconsole.core.concurrent.TaskRunner;
import dev.drpconsole.core.drp.DrpApiException;
import dev.drpconsole.core.drp.DrpContext;
import dev.drpconsole.core.drp.DrpType;
import dev.drpconsole.core.drp.InMemoryDrpClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The form's state as the user types: what is wrong, whether Save is possible, and the request it would send. */
class ContextFormViewModelTest {
    private final ContextFormViewModel form = new ContextFormViewModel(null, TaskRunner.inline(), null);

    @Test
    void aNewFormSaysWhatIsMissingUntilDrpWouldAcceptIt() {
        assertEquals(DrpContext.DOCKER_CONTEXT, form.engineProperty().get(), "the console's engine by default");
        assertTrue(form.validationProperty().get().startsWith("Give the context a name"));
        form.nameProperty().set("9lives");
        assertTrue(form.validationProperty().get().contains("start with a letter"));
        assertFalse(form.canSaveProperty().get());
        form.nameProperty().set("runner");
        form.imageProperty().set("Not An Image");
        assertTrue(form.validationProperty().get().contains("is not an image reference"));
        form.imageProperty().set("digitalrebar/runner");
        assertEquals("", form.validationProperty().get());
        assertTrue(form.canSaveProperty().get());
        assertTrue(form.requestProperty().get().contains("\"Image\" : \"digitalrebar/runner\""),
                form.requestProperty().get());
    }

    @Test
    void anEditShowsOnlyTheChangedFieldsAsATestedPatch() {
        DrpContext opened = DrpContext.of("runner", DrpContext.DOCKER_CONTEXT, "a/b:1", "kept");
        ContextFormViewModel edit = new ContextFormViewModel(null, TaskRunner.inline(), opened);
        assertEquals("Nothing changed yet.", edit.requestProperty().get());
        edit.imageProperty().set("a/b:2");
        String patch = edit.requestProperty().get();
        assertTrue(patch.contains("\"test\"") && patch.contains("\"/Image\"") && !patch.contains("kept"), patch);
    }

    @Test
    void savingANewContextCreatesItAndANameTakenSaysSo() {
        InMemoryDrpClient drp = new InMemoryDrpClient();
        List<DrpContext> saved = new ArrayList<>();
        ContextFormViewModel create = new ContextFormViewModel(drp, TaskRunner.inline(), null);
        create.nameProperty().set(" runner ");
        create.imageProperty().set("digitalrebar/runner:1");

        create.save(saved::add);

        assertEquals(List.of("runner"), saved.stream().map(DrpContext::name).toList());
        assertEquals("digitalrebar/runner:1", drp.get(DrpType.CONTEXTS, "runner").orElseThrow().image());
        assertFalse(create.savingProperty().get());

        ContextFormViewModel again = new ContextFormViewModel(drp, TaskRunner.inline(), null);
        again.nameProperty().set("runner");
        again.imageProperty().set("a/b:1");
        again.save(saved::add);

        assertEquals("A context named runner already exists. Pick another name, or edit that one.",
                again.saveProblemProperty().get());
        assertEquals(1, saved.size());
        assertTrue(again.canSaveProperty().get(), "the user may change the name and save again");
    }

    @Test
    void anEditMeetingSomeoneElsesChangeExplainsItAndReloadKeepsTheUsersEdit() {
        InMemoryDrpClient drp = new InMemoryDrpClient();
        DrpContext opened = drp.put(DrpContext.of("runner", DrpContext.DOCKER_CONTEXT, "a/b:1", "theirs before"));
        ContextFormViewModel edit = new ContextFormViewModel(drp, TaskRunner.inline(), opened);
        edit.imageProperty().set("a/b:2");
        drp.put(opened.withDescription("theirs after")); // someone else, meanwhile
        List<DrpContext> saved = new ArrayList<>();

        edit.save(saved::add);

        assertEquals(List.of(), saved);
        assertTrue(edit.conflictProperty().get());
        assertTrue(edit.saveProblemProperty().get().startsWith("Someone else changed context runner since you opened"
                + " it"), edit.saveProblemProperty().get());
        assertFalse(edit.canSaveProperty().get(), "no save over their change until the user reloads");

        edit.reload();
        edit.save(saved::add);

        DrpContext now = drp.get(DrpType.CONTEXTS, "runner").orElseThrow();
        assertEquals("a/b:2", now.image(), "the user's edit applied");
        assertEquals("theirs after", now.description(), "their change kept");
        assertEquals(1, saved.size());
    }

    @Test
    void anEditOfADeletedContextSaysItWasDeleted() {
        InMemoryDrpClient drp = new InMemoryDrpClient();
        DrpContext opened = drp.put(DrpContext.of("runner", DrpContext.DOCKER_CONTEXT, "a/b:1", ""));
        ContextFormViewModel edit = new ContextFormViewModel(drp, TaskRunner.inline(), opened);
        edit.imageProperty().set("a/b:2");
        drp.delete(DrpType.CONTEXTS, "runner");

        edit.save(saved -> { });

        assertTrue(edit.saveProblemProperty().get().startsWith("Someone else deleted context runner"),
                edit.saveProblemProperty().get());
    }

    @Test
    void aRefusedSaveIsSaidInPlainWords() {
        InMemoryDrpClient drp = new InMemoryDrpClient();
        ContextFormViewModel create = new ContextFormViewModel(drp, TaskRunner.inline(), null);
        create.nameProperty().set("runner");
        create.imageProperty().set("a/b:1");
        drp.failNextCall(new DrpApiException(403, "contexts", "runner", "CREATE",
                List.of("not allowed to create contexts")));

        create.save(saved -> { });

        assertEquals("Could not create the context: not allowed to create contexts",
                create.saveProblemProperty().get());
        assertFalse(create.savingProperty().get());
    }
}
