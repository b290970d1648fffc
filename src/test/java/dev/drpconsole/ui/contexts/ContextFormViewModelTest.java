package dev.drpconsole.ui.contexts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drpconsole.core.concurrent.TaskRunner;
import dev.drpconsole.core.drp.DrpContext;
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
}
