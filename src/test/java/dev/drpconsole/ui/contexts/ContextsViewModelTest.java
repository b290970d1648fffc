package dev.drpconsole.ui.contexts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.drpconsole.core.drp.DrpApiException;
import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.drp.DrpContext;
import dev.drpconsole.core.drp.DrpNotAllowedException;
import dev.drpconsole.core.drp.DrpType;
import dev.drpconsole.core.drp.InMemoryDrpClient;
import dev.drpconsole.core.engine.EngineHandle;
import dev.drpconsole.core.engine.EngineUnavailableException;
import dev.drpconsole.ui.common.PageState;
import dev.drpconsole.ui.common.ViewServices;
import dev.drpconsole.ui.runners.RunnerMachines;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

/**
 * The Contexts section's logic against an endpoint in memory, every task inline: the rows a user sees, how they
 * follow DRP's events, and what a failed delete says.
 */
class ContextsViewModelTest {
    private final InMemoryDrpClient drp = new InMemoryDrpClient();
    private final SimpleObjectProperty<DrpClient> signedIn = new SimpleObjectProperty<>();
    private final EngineHandle noEngine = new EngineHandle(() -> {
        throw new EngineUnavailableException("no engine here", "start one", null);
    });
    private final ContextsViewModel contexts = new ContextsViewModel(
            new ViewServices(signedIn, noEngine, Runnable::run, Runnable::run, (section, key) -> { }));

    @Test
    void withoutAnEndpointThePageSaysSoAndOffersNoForm() {
        contexts.shown();

        assertEquals(PageState.NOT_CONNECTED, contexts.stateProperty().get());
        assertNull(contexts.newContextForm());
    }

    @Test
    void eachContextListsTheRunnerMachinesUsingItAndWhereItsImageIs() {
        drp.put(DrpContext.of("runner", DrpContext.DOCKER_CONTEXT, "digitalrebar/runner:1", ""));
        drp.put(DrpContext.of("spare", DrpContext.DOCKER_CONTEXT, "digitalrebar/spare:1", ""));
        drp.put(RunnerMachines.runner("web-2", "runner"));
        drp.put(RunnerMachines.runner("web-1", "runner"));
        drp.put(RunnerMachines.plain("bare-metal"));
        signIn();

        assertEquals(PageState.READY, contexts.stateProperty().get());
        assertEquals(List.of("runner", "spare"), contexts.rows().stream().map(ContextRow::name).toList());
        assertEquals(List.of("web-1", "web-2"), row("runner").usedBy());
        assertEquals(List.of(), row("spare").usedBy());
        assertEquals("Engine unreachable", row("runner").imageStatus(), "the engine could not be asked");
    }

    @Test
    void rowsFollowDrpEventsWhileShown() {
        drp.put(DrpContext.of("runner", DrpContext.DOCKER_CONTEXT, "digitalrebar/runner:1", ""));
        signIn();
        assertEquals(List.of(), row("runner").usedBy());

        drp.put(RunnerMachines.runner("web-1", "runner"));
        drp.put(DrpContext.of("other", DrpContext.DOCKER_CONTEXT, "a/b:1", ""));

        assertEquals(List.of("web-1"), row("runner").usedBy());
        assertEquals(List.of("runner", "other"), contexts.rows().stream().map(ContextRow::name).toList());

        contexts.delete(row("other"));

        assertEquals(List.of("runner"), contexts.rows().stream().map(ContextRow::name).toList(),
                "the row goes with DRP's delete event");
        assertEquals("", contexts.problemProperty().get());
    }

    @Test
    void aRefusedDeleteIsSaidInTheBannerAndTheRowStays() {
        drp.put(DrpContext.of("runner", DrpContext.DOCKER_CONTEXT, "digitalrebar/runner:1", ""));
        signIn();
        drp.failNextCall(new DrpApiException(403, "contexts", "runner", "DELETE",
                List.of("not allowed to delete contexts")));

        contexts.delete(row("runner"));

        assertEquals("Could not delete context runner: not allowed to delete contexts",
                contexts.problemProperty().get());
        assertEquals(List.of("runner"), contexts.rows().stream().map(ContextRow::name).toList());
    }

    @Test
    void aDeleteTheRoleDoesNotAllowSaysWhichClaimIsMissingAndNotSignedOut() {
        drp.put(DrpContext.of("runner", DrpContext.DOCKER_CONTEXT, "digitalrebar/runner:1", ""));
        signIn();
        drp.failNextCall(new DrpNotAllowedException(403, "contexts", "runner", List.of(
                "Cannot access /api/v3/contexts/runner", "Requires: contexts delete runner")));

        contexts.delete(row("runner"));

        String said = contexts.problemProperty().get();
        assertEquals("Could not delete context runner: Not allowed: your role lacks contexts delete runner (DRP "
                + "said: Cannot access /api/v3/contexts/runner; Requires: contexts delete runner)", said);
        assertFalse(said.toLowerCase(Locale.ROOT).contains("sign"), said);
        assertEquals(PageState.READY, contexts.stateProperty().get(), "still signed in");
    }

    @Test
    void noContextsYetIsTheEmptyStateAndSigningOutClearsTheRows() {
        signIn();
        assertEquals(PageState.EMPTY, contexts.stateProperty().get());
        drp.put(DrpContext.of("runner", DrpContext.DOCKER_CONTEXT, "digitalrebar/runner:1", ""));
        assertEquals(PageState.READY, contexts.stateProperty().get());

        signedIn.set(null);

        assertEquals(List.of(), contexts.rows());
        assertEquals(PageState.NOT_CONNECTED, contexts.stateProperty().get());
    }

    @Test
    void aFormFromTheTableSavesToTheEndpointAndTheNewRowArrivesByEvent() {
        signIn();
        ContextFormViewModel form = contexts.newContextForm();
        form.nameProperty().set("runner");
        form.imageProperty().set("digitalrebar/runner:1");

        form.save(saved -> { });

        assertEquals("digitalrebar/runner:1", drp.get(DrpType.CONTEXTS, "runner").orElseThrow().image());
        assertEquals(List.of("runner"), contexts.rows().stream().map(ContextRow::name).toList());
    }

    private void signIn() {
        signedIn.set(drp);
        contexts.shown();
    }

    private ContextRow row(String name) {
        return contexts.rows().stream().filter(row -> row.name().equals(name)).findFirst().orElseThrow();
    }
}
