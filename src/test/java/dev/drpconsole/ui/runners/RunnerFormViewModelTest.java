package dev.drpconsole.ui.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drpconsole.core.concurrent.TaskRunner;
import dev.drpconsole.core.drp.DrpApiException;
import dev.drpconsole.core.drp.DrpType;
import dev.drpconsole.core.drp.Filter;
import dev.drpconsole.core.drp.InMemoryDrpClient;
import dev.drpconsole.core.drp.Machine;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

/** The new runner form: what it says is wrong while the user types, what Create sends, and a refused create. */
class RunnerFormViewModelTest {
    private final InMemoryDrpClient drp = new InMemoryDrpClient();
    private final ObservableList<String> contexts = FXCollections.observableArrayList("runner", "other");
    private final RunnerFormViewModel form = new RunnerFormViewModel(drp, TaskRunner.inline(), contexts);
    private final List<Machine> saved = new ArrayList<>();

    @Test
    void theFirstContextIsPickedAndTheNameIsCheckedAsDrpWould() {
        assertEquals("runner", form.contextProperty().get());
        assertEquals("Give the machine a name, e.g. context-runner.", form.validationProperty().get());
        form.nameProperty().set("web/1");
        assertTrue(form.validationProperty().get().startsWith("DRP does not accept \"web/1\" as a machine name"),
                form.validationProperty().get());
        assertFalse(form.canSaveProperty().get());

        form.nameProperty().set("web-1");

        assertEquals("", form.validationProperty().get());
        assertTrue(form.canSaveProperty().get());
    }

    @Test
    void withoutAnyContextTheFormSendsTheUserToContexts() {
        contexts.clear();
        form.nameProperty().set("web-1");

        assertEquals("There is no context yet: create one in Contexts first.", form.validationProperty().get());
    }

    @Test
    void createSendsAMachineWithTheBaseContextDrpStartsTheRunnerFrom() {
        form.nameProperty().set(" web-1 ");
        form.contextProperty().set("other");
        form.descriptionProperty().set("builds the web site");

        form.save(saved::add);

        Machine created = drp.list(DrpType.MACHINES, Filter.ALL).get(0);
        assertEquals("web-1", created.name());
        assertEquals("other", created.baseContext());
        assertEquals("builds the web site", created.description());
        assertEquals(1, saved.size());
        assertFalse(form.savingProperty().get());
    }

    @Test
    void aTakenNameAndARefusalAreSaidInPlainWordsAndCreateCanBeTriedAgain() {
        form.nameProperty().set("web-1");
        // What DRP answers: the Name is a unique index of machines (v3 backend/index/index.go CheckUnique).
        String uuid = "2a3b4c5d-0000-4000-8000-000000000001";
        drp.failNextCall(new DrpApiException(422, "machines", uuid, "ValidationError",
                List.of("machines:" + uuid + " violates unique index Name")));

        form.save(saved::add);

        assertEquals("A machine named web-1 already exists. Pick another name.", form.saveProblemProperty().get());
        assertTrue(form.canSaveProperty().get());

        drp.failNextCall(new DrpApiException(403, "machines", "web-1", "CREATE",
                List.of("not allowed to create machines")));
        form.save(saved::add);

        assertEquals("Could not create the machine: not allowed to create machines", form.saveProblemProperty().get());
        assertEquals(List.of(), saved);

        form.save(saved::add);
        assertEquals("", form.saveProblemProperty().get(), "a new attempt clears the old problem");
        assertEquals(1, saved.size());
    }
}
