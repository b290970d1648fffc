package dev.drpconsole.ui.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.drp.DrpType;
import dev.drpconsole.core.drp.InMemoryDrpClient;
import dev.drpconsole.core.drp.Machine;
import dev.drpconsole.core.engine.ContainerInspection;
import dev.drpconsole.core.engine.EngineHandle;
import dev.drpconsole.core.engine.InMemoryEngine;
import dev.drpconsole.core.engine.LogLine;
import dev.drpconsole.core.engine.LogListener;
import dev.drpconsole.ui.common.PageState;
import dev.drpconsole.ui.common.ViewServices;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Containers view model's logic, on the calling thread, against an engine and a DRP endpoint in memory: which
 * containers the page lists and how they are named, what happens as the engine's containers come and go, the
 * engine that does not answer, and the actions.
 */
class ContainersViewModelTest {
    private final InMemoryDrpClient drp = new InMemoryDrpClient();
    private final InMemoryEngine engine = new InMemoryEngine();
    private final SimpleObjectProperty<DrpClient> signedIn = new SimpleObjectProperty<>(drp);
    private final ViewServices services = new ViewServices(signedIn, new EngineHandle(() -> engine), Runnable::run,
            Runnable::run, (section, key) -> { });
    private final ContainersViewModel model = new ContainersViewModel(services, Duration.ZERO);
    private Machine ours;

    @BeforeEach
    void anEndpointWithOneRunnerMachine() {
        ours = drp.put(machine("runner-1", "docker-ctx"));
    }

    @Test
    void listsThisEndpointsRunnersNamedByTheirMachineAndEverythingElseUnderAll() {
        engine.addRunner(ours.uuid());
        String foreign = UUID.randomUUID().toString();
        engine.addRunner(foreign);
        engine.add("postgres", "postgres:16");

        model.shown();

        assertEquals(PageState.READY, model.stateProperty().get());
        assertEquals("Runner engine: Docker 20.10.24 at /in-memory.sock", model.engineLabelProperty().get());
        assertEquals(List.of("drp-runner-" + ours.uuid() + " = runner-1"), listed());
        model.showAllProperty().set(true);
        assertEquals(List.of("drp-runner-" + ours.uuid() + " = runner-1",
                "drp-runner-" + foreign + " = " + ContainersViewModel.NOT_THIS_ENDPOINTS + " (" + foreign + ")",
                "postgres = "), listed(), "another endpoint's runner is marked as such");
    }

    @Test
    void aNewRunnerAppearsByItsEventAndAMachineDeletedMovesItsRunnerOutOfTheList() {
        model.shown();
        assertEquals(List.of(), listed());

        engine.addRunner(ours.uuid());
        assertEquals(List.of("drp-runner-" + ours.uuid() + " = runner-1"), listed(), "no refresh needed");
        ContainerRow row = model.rows().get(0);

        drp.delete(DrpType.MACHINES, ours.uuid());
        assertEquals(List.of(), listed(), "no longer this endpoint's runner");
        assertTrue(model.whyUnlisted(row).contains("no longer this endpoint's runner"), model.whyUnlisted(row));
    }

    @Test
    void aContainerThatGoesLeavesTheListAndItsDetailsSaySo() {
        engine.addRunner(ours.uuid());
        engine.add("web", "nginx:1");
        model.shown();
        model.showAllProperty().set(true);
        ContainerRow web = row("web");
        ContainerRow runner = row("drp-runner-" + ours.uuid());

        engine.removeContainer("web");

        assertEquals(List.of("drp-runner-" + ours.uuid() + " = runner-1"), listed());
        assertEquals("web is gone: the engine no longer has it.", model.whyUnlisted(web));
        assertEquals("", model.whyUnlisted(runner), "still listed");
        assertTrue(model.rows().get(0) == runner, "the other row is the same row: the table keeps its selection");
    }

    @Test
    void aRowIsUpdatedInPlaceWhenItsContainerChanges() {
        engine.addRunner(ours.uuid());
        model.shown();
        ContainerRow row = model.rows().get(0);

        model.stop(row);

        assertEquals(List.of("die " + row.name()), engine.calls());
        assertTrue(model.rows().get(0) == row);
        assertEquals("exited", row.summary().state());
        assertEquals("", model.activityProperty().get(), "done");
        assertEquals("", model.problemProperty().get());
    }

    @Test
    void withoutAnEngineItSaysWhyAndRetryListsOnceItAnswers() {
        engine.goAway("No Docker engine answers at unix:///in-memory.sock (connection refused)");
        model.shown();
        assertEquals(PageState.NOT_CONNECTED, model.stateProperty().get());
        assertEquals("No Docker engine answers at unix:///in-memory.sock (connection refused)",
                model.unreachableReasonProperty().get());

        engine.comeBack();
        engine.addRunner(ours.uuid());
        model.retry();

        assertEquals(PageState.READY, model.stateProperty().get());
        assertEquals(1, listed().size());
    }

    @Test
    void anEngineLostWhileShownSaysSoAndComesBackByItself() {
        engine.addRunner(ours.uuid());
        model.shown();

        engine.goAway("The engine went away");
        assertEquals(PageState.NOT_CONNECTED, model.stateProperty().get());
        assertTrue(model.unreachableFixProperty().get().contains("Retry"), model.unreachableFixProperty().get());

        engine.comeBack();
        assertEquals(PageState.READY, model.stateProperty().get(), "the event stream's reconnection lists again");
    }

    @Test
    void aFailedActionIsReportedInWords() {
        engine.add("web", "nginx:1");
        model.shown();
        ContainerRow web = model.rows().get(0);
        engine.removeContainer("web");

        model.restart(web);

        assertTrue(model.problemProperty().get().startsWith("Could not restart web: "),
                model.problemProperty().get());
    }

    @Test
    void inspectAndTheLogCarryTheEnginesFactsAndTimes() throws Exception {
        engine.add("web", "nginx:1");
        engine.log("web", "hello", "world");
        model.shown();
        ContainerRow web = model.rows().get(0);

        AtomicReference<ContainerInspection> inspected = new AtomicReference<>();
        model.inspect(web, inspected::set);
        assertEquals("nginx:1", inspected.get().facts().get("Image"));
        assertTrue(inspected.get().environment().stream().noneMatch(entry -> entry.contains("secret")),
                "the runner's token is hidden");

        List<LogLine> lines = new ArrayList<>();
        model.followLogs(web, new LogListener() {
            @Override
            public void onLine(LogLine line) {
                lines.add(line);
            }
        }).close();
        assertEquals(List.of("hello", "world"), lines.stream().map(LogLine::text).toList());
        assertTrue(lines.stream().allMatch(line -> line.timestamp().isPresent()), "with the engine's times");
    }

    @Test
    void aHiddenPageWatchesNothing() {
        model.shown();
        assertEquals(1, engine.openWatches());
        model.hidden();
        assertEquals(0, engine.openWatches());
    }

    /** What the page lists (before its filter box), as "container = machine column". */
    private List<String> listed() {
        return model.rows().stream().filter(model.listedProperty().getValue())
                .map(row -> row.name() + " = " + row.machineProperty().get()).toList();
    }

    private ContainerRow row(String name) {
        return model.rows().stream().filter(row -> row.name().equals(name)).findFirst().orElseThrow();
    }

    static Machine machine(String name, String context) {
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("Uuid", UUID.randomUUID().toString())
                .put("Name", name).put("Context", context);
        json.putObject("Meta").put(Machine.BASE_CONTEXT, context);
        return new Machine(json);
    }
}
