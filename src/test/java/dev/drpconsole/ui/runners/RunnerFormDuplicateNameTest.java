package dev.drpconsole.ui.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drpconsole.core.concurrent.TaskRunner;
import dev.drpconsole.core.drp.DrpContext;
import dev.drpconsole.core.drp.DrpType;
import dev.drpconsole.core.drp.Filter;
import dev.drpconsole.core.drp.Machine;
import dev.drpconsole.core.drp.OkHttpDrpClient;
import dev.drpconsole.testsupport.SandboxAccess;
import dev.drpconsole.testsupport.SandboxEndpoint;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A.4: a runner named like another machine, against an endpoint that answers as DRP does: a machine's Name is a
 * unique index, so a second one is a 422 ValidationError "machines:&lt;uuid&gt; violates unique index Name" [v3 code
 * backend/index/index.go CheckUnique], not a 409. The form says so plainly.
 */
@Tag("sandbox")
class RunnerFormDuplicateNameTest {
    @RegisterExtension
    static final SandboxEndpoint SANDBOX = new SandboxEndpoint();
    static OkHttpDrpClient client;

    @BeforeAll
    static void connect() {
        client = SandboxAccess.connect(SANDBOX.server());
        client.create(DrpContext.of("runner", DrpContext.DOCKER_CONTEXT, "a/b:1", ""));
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void aRunnerNamedLikeAnotherMachineIsRefusedWithAPlainMessage() {
        newRunner("taken");
        RunnerFormViewModel form = new RunnerFormViewModel(client, TaskRunner.inline(),
                FXCollections.observableArrayList("runner"));
        form.nameProperty().set("taken");
        List<Machine> saved = new ArrayList<>();

        form.save(saved::add);

        assertEquals("A machine named taken already exists. Pick another name.", form.saveProblemProperty().get());
        assertEquals(List.of(), saved);
        assertEquals(1, client.list(DrpType.MACHINES, Filter.where("Name", "taken")).size());
        assertTrue(form.canSaveProperty().get(), "the user may pick another name and save again");
    }

    private static void newRunner(String name) {
        RunnerFormViewModel form = new RunnerFormViewModel(client, TaskRunner.inline(),
                FXCollections.observableArrayList("runner"));
        form.nameProperty().set(name);
        form.save(machine -> { });
        assertEquals("", form.saveProblemProperty().get());
    }
}
