package dev.drpconsole.ui.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drpconsole.core.drp.DrpApiException;
import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.drp.DrpContext;
import dev.drpconsole.core.drp.DrpLockedException;
import dev.drpconsole.core.drp.DrpType;
import dev.drpconsole.core.drp.InMemoryDrpClient;
import dev.drpconsole.core.drp.Job;
import dev.drpconsole.core.drp.Machine;
import dev.drpconsole.core.engine.EngineChoice;
import dev.drpconsole.core.engine.EngineHandle;
import dev.drpconsole.core.engine.EngineUnavailableException;
import dev.drpconsole.core.engine.InMemoryEngine;
import dev.drpconsole.core.engine.NoEngineException;
import dev.drpconsole.ui.common.Navigator;
import dev.drpconsole.ui.common.PageState;
import dev.drpconsole.ui.common.ViewServices;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Runner machines section's logic against an endpoint in memory, every task inline: which machines are rows,
 * their job and container, the commands and what a failed one says.
 */
class RunnersViewModelTest {
    private final InMemoryDrpClient drp = new InMemoryDrpClient();
    private final SimpleObjectProperty<DrpClient> signedIn = new SimpleObjectProperty<>();
    private final List<String> shownElsewhere = new ArrayList<>();
    private final EngineHandle noEngine = new EngineHandle(() -> {
        throw new EngineUnavailableException("no engine here", "start one", null);
    });
    private final RunnersViewModel runners = new RunnersViewModel(new ViewServices(signedIn, noEngine, Runnable::run,
            Runnable::run, (section, key) -> shownElsewhere.add(section + " " + key)));
    private Machine web;

    @BeforeEach
    void endpoint() {
        drp.put(DrpContext.of("runner", DrpContext.DOCKER_CONTEXT, "digitalrebar/runner:1", ""));
        drp.put(DrpContext.of("other", DrpContext.DOCKER_CONTEXT, "digitalrebar/other:1", ""));
        web = drp.put(RunnerMachines.runner("web-1", "runner"));
        drp.put(RunnerMachines.plain("bare-metal"));
    }

    @Test
    void runnerMachinesAreRowsWithTheirJobAndAnUnknownContainerWithoutAnEngine() {
        Job job = drp.put(RunnerMachines.currentJob(web, "running"));
        signIn();

        assertEquals(PageState.READY, runners.stateProperty().get());
        assertEquals(List.of("web-1"), names(), "a machine without a context is no runner");
        RunnerRow row = runners.rows().get(0);
        assertEquals("running", row.jobState());
        assertEquals(job.uuid(), row.jobUuid());
        assertEquals(RunnerRow.UNKNOWN, row.container(), "the engine could not be asked");
        assertEquals(List.of("other", "runner"), runners.contextNames());
    }

    @Test
    void theContainerColumnFollowsTheEndpointsRunnerEngineAndSaysWhenNoneIsWatched() {
        InMemoryEngine server = new InMemoryEngine();
        server.addRunner(web.uuid());
        EngineHandle runnerEngine = EngineHandle.of(EngineChoice.NONE, choice -> {
            if (choice instanceof EngineChoice.None) {
                throw new NoEngineException();
            }
            return server;
        });
        RunnersViewModel model = new RunnersViewModel(new ViewServices(signedIn, runnerEngine, Runnable::run,
                Runnable::run, (section, key) -> { }), Duration.ZERO);
        signedIn.set(drp);
        model.shown();
        assertEquals(RunnerRow.NOT_WATCHED, model.rows().get(0).container(), "an endpoint without a runner engine");

        runnerEngine.use(EngineChoice.parse("ssh://root@drp1"));

        assertEquals("running", model.rows().get(0).container(), "the server's engine, once the endpoint has one");
        model.hidden();
    }

    @Test
    void rowsFollowDrpEvents() {
        signIn();
        assertEquals("none", runners.rows().get(0).jobState());

        drp.put(RunnerMachines.currentJob(web, "failed"));
        drp.put(RunnerMachines.runner("web-2", "other"));

        assertEquals("failed", runners.rows().get(0).jobState());
        assertEquals(List.of("web-1", "web-2"), names());

        drp.delete(DrpType.MACHINES, web.uuid());

        assertEquals(List.of("web-2"), names());
    }

    @Test
    void changingTheContextMovesBothContextsAndTheRowShowsIt() {
        signIn();

        runners.changeContext(runners.rows().get(0), "other");

        Machine now = drp.get(DrpType.MACHINES, web.uuid()).orElseThrow();
        assertEquals("other", now.context());
        assertEquals("other", now.baseContext());
        assertEquals("other", runners.rows().get(0).context());
        assertEquals("", runners.problemProperty().get());
    }

    @Test
    void aChangeThatMeetsSomeoneElsesIsExplainedAndChangesNothing() {
        signIn();
        RunnerRow opened = runners.rows().get(0);
        drp.put(web.withRunnable(false)); // someone else, between the user's look at the row and the command

        runners.changeContext(opened, "other");

        assertEquals("Could not change the context of web-1: someone else changed web-1 at the same moment, so"
                + " nothing was changed. Look at its row and try again", runners.problemProperty().get());
        assertEquals("runner", drp.get(DrpType.MACHINES, web.uuid()).orElseThrow().context());
    }

    @Test
    void aForbiddenDeleteIsSaidAndDismissable() {
        signIn();
        drp.failNextCall(new DrpApiException(403, "machines", web.uuid(), "DELETE",
                List.of("not allowed to delete machines")));

        runners.delete(runners.rows().get(0));

        assertEquals("Could not delete machine web-1: not allowed to delete machines",
                runners.problemProperty().get());
        assertEquals(List.of("web-1"), names());
        runners.dismissProblem();
        assertEquals("", runners.problemProperty().get());
    }

    @Test
    void aLockedMachineSaysWhyItsCommandsAreOffAndUnlockLetsThemWork() {
        drp.put(web.withLocked(true));
        signIn();
        RunnerRow row = runners.rows().get(0);
        assertEquals("Locked: unlock it to change it (Unlock, or drpcli machines update " + web.uuid()
                + " '{\"Locked\":false}')", runners.refusal(row));

        runners.changeContext(row, "other");
        runners.delete(row);
        assertEquals("runner", drp.get(DrpType.MACHINES, web.uuid()).orElseThrow().context(), "nothing was sent");
        assertTrue(runners.problemProperty().get().startsWith("Could not delete machine web-1: Locked: unlock it"),
                runners.problemProperty().get());

        runners.unlock(row);
        assertEquals("", runners.refusal(runners.rows().get(0)));
        runners.changeContext(runners.rows().get(0), "other");
        assertEquals("other", drp.get(DrpType.MACHINES, web.uuid()).orElseThrow().context());
    }

    @Test
    void aChangeRefusedBecauseTheMachineWasLockedMeanwhileSaysSo() {
        signIn();
        drp.failNextCall(new DrpLockedException(403, "machines", web.uuid(), "PATCH", List.of("Locked")));

        runners.makeRunnable(runners.rows().get(0));

        assertTrue(runners.problemProperty().get().startsWith("Could not make web-1 runnable: It is locked:"),
                runners.problemProperty().get());
        assertTrue(runners.problemProperty().get().contains("Unlock"), runners.problemProperty().get());
    }

    @Test
    void makeRunnableLetsDrpHandTheMachineJobsAgain() {
        drp.put(web.withRunnable(false));
        signIn();
        assertEquals("No", runners.rows().get(0).runnable());

        runners.makeRunnable(runners.rows().get(0));

        assertEquals("Yes", runners.rows().get(0).runnable());
    }

    @Test
    void theRowLinksToItsContainerLogAndItsCurrentJob() {
        Job job = drp.put(RunnerMachines.currentJob(web, "running"));
        signIn();
        RunnerRow row = runners.rows().get(0);

        runners.showContainerLogs(row);
        assertTrue(runners.showCurrentJob(row));

        assertEquals(List.of(Navigator.CONTAINERS + " drp-runner-" + web.uuid(), Navigator.JOBS + " " + job.uuid()),
                shownElsewhere);
        drp.delete(DrpType.JOBS, job.uuid());
        assertFalse(runners.showCurrentJob(runners.rows().get(0)), "no job, no link");
    }

    @Test
    void hiddenThePageStopsFollowing() {
        signIn();
        runners.hidden();

        drp.put(RunnerMachines.runner("web-2", "other"));

        assertEquals(List.of("web-1"), names(), "no updates while hidden");
        runners.shown();
        assertEquals(List.of("web-1", "web-2"), names(), "listed again when shown");
    }

    @Test
    void aRunnerOfAnotherEnginesContextExpectsNoDockerContainer() {
        drp.put(DrpContext.of("vms", "vsphere-context", "templates/runner-vm", ""));
        drp.put(RunnerMachines.runner("vm-1", "vms"));
        signIn();

        RunnerRow row = runners.rows().stream().filter(r -> r.name().equals("vm-1")).findFirst().orElseThrow();
        assertEquals(RunnerRow.OTHER_ENGINE, row.container(), "not 'missing': docker-context does not run it");
    }

    private void signIn() {
        signedIn.set(drp);
        runners.shown();
    }

    private List<String> names() {
        return runners.rows().stream().map(RunnerRow::name).toList();
    }
}
