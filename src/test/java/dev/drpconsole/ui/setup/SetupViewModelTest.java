package dev.drpconsole.ui.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.drp.DrpType;
import dev.drpconsole.core.drp.Filter;
import dev.drpconsole.core.drp.InMemoryDrpClient;
import dev.drpconsole.core.engine.EngineHandle;
import dev.drpconsole.core.engine.EngineUnavailableException;
import dev.drpconsole.core.setup.ContextStep;
import dev.drpconsole.core.setup.PreflightStep;
import dev.drpconsole.core.setup.SetupJournal;
import dev.drpconsole.core.setup.SetupTargets;
import dev.drpconsole.ui.common.ViewServices;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wizard's logic without a window, an engine or an endpoint server: background work runs inline, the endpoint is
 * in memory, and the engine is one that never answers.
 */
class SetupViewModelTest {
    @TempDir
    Path settings;

    private final SimpleObjectProperty<DrpClient> client = new SimpleObjectProperty<>();
    private final InMemoryDrpClient endpoint = new InMemoryDrpClient();
    private final EngineHandle noEngine = new EngineHandle(() -> {
        throw new EngineUnavailableException("No Docker engine answers at unix:///var/run/docker.sock",
                "Start Docker", null);
    });

    private SetupViewModel wizard() {
        ViewServices services = new ViewServices(client, noEngine, Runnable::run, Runnable::run, (section, key) -> { });
        return new SetupViewModel(services, settings, Map.of(SetupTargets.LABEL, "true"));
    }

    private int pageOf(SetupViewModel model, String id) {
        for (int i = 0; i < model.pages().size(); i++) {
            if (model.page(i).id().equals(id)) {
                return i;
            }
        }
        throw new AssertionError(id);
    }

    @Test
    void aNewUserStartsAtTheEndpointAndNothingRunsUntilConnected() {
        SetupViewModel model = wizard();

        assertEquals(WizardPage.ENDPOINT, model.page(model.current.get()).id());
        assertEquals("Connect to an endpoint first (step 1).", model.runAllBlockedReason());
        model.current.set(pageOf(model, PreflightStep.ID));
        model.runCurrent();

        assertEquals(WizardPage.ENDPOINT, model.page(model.current.get()).id(), "sent back to choose one");
        assertEquals("Not connected: choose an endpoint first.", model.problem.get());
    }

    @Test
    void aNameDrpRefusesStopsTheRunBeforeAnythingIsMade() {
        client.set(endpoint);
        SetupViewModel model = wizard();
        model.contextName.set("bad name!");
        model.current.set(pageOf(model, ContextStep.ID));

        model.runCurrent();

        assertTrue(model.problem.get().startsWith("Context was not run: DRP does not accept \"bad name!\""),
                model.problem.get());
        assertEquals(ContextStep.ID, model.page(model.current.get()).id(), "the page of the name to fix");
        assertFalse(model.running.get());
        assertTrue(endpoint.list(DrpType.CONTEXTS, Filter.ALL).isEmpty(), "no context was created");
    }

    @Test
    void withoutAnEngineTheStepSaysSoInPlainWordsAndStops() {
        client.set(endpoint);
        SetupViewModel model = wizard();
        model.current.set(pageOf(model, PreflightStep.ID));

        model.runCurrent();

        assertTrue(model.problem.get().startsWith("No container engine to work with: No Docker engine answers"),
                model.problem.get());
        assertTrue(model.problem.get().endsWith("Start Docker or Podman, then try again."), model.problem.get());
        assertFalse(model.running.get(), "nothing left spinning");
    }

    @Test
    void eachPageKeepsItsOwnProblem() {
        SetupViewModel model = wizard();
        model.setProblem(PreflightStep.ID, "Preflight: 1 of 4 checks failed.");

        model.current.set(pageOf(model, WizardPage.IMAGE));
        assertEquals("", model.problem.get(), "another page shows none");
        model.current.set(pageOf(model, PreflightStep.ID));
        assertEquals("Preflight: 1 of 4 checks failed.", model.problem.get());
    }

    @Test
    void runAllRemainingListsWhatItWillMakeByTheUsersNames() {
        client.set(endpoint);
        SetupViewModel model = wizard();
        model.contextName.set("lab");
        model.runnerName.set("lab-runner");

        List<String> work = model.plannedWork();

        assertEquals(6, work.size(), work.toString());
        assertTrue(work.get(3).startsWith("Create the context lab"), work.toString());
        assertTrue(work.get(4).startsWith("Create the runner machine lab-runner"), work.toString());
    }

    @Test
    void theTestMachineNeedsANameOfItsOwn() {
        SetupViewModel model = wizard();
        model.testMachineName.set(model.runnerName.get());

        assertEquals("The test machine needs a name of its own: context-runner is the runner machine's.",
                model.testMachineNameProblem());
    }

    @Test
    void aRestartedWizardHasTheChoicesOfTheRunBefore() {
        SetupViewModel first = wizard();
        first.contextName.set("lab");
        first.imageTag.set("lab/runner:2");
        first.keepOnEngine.set(true);
        SetupJournal.load(settings).saveChoices(first.choices());

        SetupViewModel again = wizard();

        assertEquals("lab", again.contextName.get());
        assertEquals("lab/runner:2", again.imageTag.get());
        assertTrue(again.keepOnEngine.get());
    }

    @Test
    void cleanUpWithoutAConnectionSaysToConnectFirst() {
        SetupViewModel model = wizard();

        model.cleanUp();

        assertEquals(WizardPage.ENDPOINT, model.page(model.current.get()).id());
        assertTrue(model.problem.get().startsWith("Not connected: connect to the endpoint the wizard worked on"),
                model.problem.get());
    }
}
