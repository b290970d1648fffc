package dev.drpconsole.ui.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.drp.DrpContext;
import dev.drpconsole.core.drp.DrpType;
import dev.drpconsole.core.drp.Filter;
import dev.drpconsole.core.drp.Machine;
import dev.drpconsole.core.engine.EngineHandle;
import dev.drpconsole.core.engine.EngineUnavailableException;
import dev.drpconsole.testsupport.SandboxAccess;
import dev.drpconsole.testsupport.SandboxEndpoint;
import dev.drpconsole.ui.common.ViewServices;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * §B.9, the check: a real DRP endpoint drops event frames for a client that falls behind and says nothing.
 * 1,000 machine changes are fired at a sandbox whose per-connection buffer is tiny, so it drops frames; the Runner
 * machines rows must still equal {@code GET /machines} within 5 s of the last change.
 */
@Tag("sandbox")
class RunnersConvergenceTest {
    private static final int WRITERS = 10;
    private static final int CHANGES_PER_WRITER = 100;
    private static final int MACHINES_PER_WRITER = 10;
    private static final long CONVERGES_WITHIN_MILLIS = 5_000;

    @RegisterExtension
    static final SandboxEndpoint SANDBOX = new SandboxEndpoint(config -> config.withEventBuffer(1));

    private final ExecutorService io = Executors.newCachedThreadPool();
    /** Stands in for the FX thread: one thread, where the view model's lists change and are read. */
    private final ExecutorService ui = Executors.newSingleThreadExecutor();
    private final SimpleObjectProperty<DrpClient> signedIn = new SimpleObjectProperty<>();
    private final EngineHandle noEngine = new EngineHandle(() -> {
        throw new EngineUnavailableException("no engine here", "start one", null);
    });

    @AfterEach
    void stop() {
        io.shutdownNow();
        ui.shutdownNow();
    }

    @Test
    void theRunnersRowsEqualTheEndpointWithin5sOfABurstInWhichFramesWereDropped() throws Exception {
        DrpClient writer = SandboxAccess.connect(SANDBOX.server());
        writer.create(DrpContext.of("runner", DrpContext.DOCKER_CONTEXT, "runner:1", ""));
        writer.create(DrpContext.of("other", DrpContext.DOCKER_CONTEXT, "other:1", ""));
        List<List<Machine>> owned = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            List<Machine> mine = new ArrayList<>();
            for (int m = 0; m < MACHINES_PER_WRITER; m++) {
                mine.add(writer.create(RunnerMachines.runner("burst-" + w + "-" + m, "runner")));
            }
            owned.add(mine);
        }
        RunnersViewModel runners = new RunnersViewModel(new ViewServices(signedIn, noEngine, io, ui,
                (section, key) -> { }), Duration.ZERO);
        onUi(() -> {
            signedIn.set(SandboxAccess.connect(SANDBOX.server()));
            runners.shown();
            return null;
        });
        awaitRows(runners, writer, 10_000, "the first list");
        long droppedBefore = SANDBOX.server().droppedEventFrames();

        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> done = new ArrayList<>();
        for (List<Machine> mine : owned) {
            done.add(writers.submit(() -> changeMachines(writer, mine)));
        }
        for (Future<?> each : done) {
            each.get(120, TimeUnit.SECONDS);
        }
        long lastChange = System.nanoTime();
        writers.shutdown();
        assertTrue(SANDBOX.server().droppedEventFrames() > droppedBefore, "the sandbox dropped frames");

        long converged = awaitRows(runners, writer, CONVERGES_WITHIN_MILLIS, "the rows after the burst");
        System.out.println("Runner rows equal GET /machines " + TimeUnit.NANOSECONDS.toMillis(converged - lastChange)
                + " ms after the last of 1,000 changes (" + (SANDBOX.server().droppedEventFrames() - droppedBefore)
                + " frames dropped)");
        onUi(() -> {
            runners.hidden();
            return null;
        });
    }

    /** {@value #CHANGES_PER_WRITER} changes: new runners, context and Runnable flips, deletes. */
    private static void changeMachines(DrpClient client, List<Machine> machines) {
        String prefix = machines.get(0).name() + "-new-";
        List<Machine> current = new ArrayList<>(machines);
        for (int i = 0; i < 10; i++) {
            current.add(client.create(RunnerMachines.runner(prefix + i, "runner")));
        }
        for (int i = 0; i < CHANGES_PER_WRITER - 15; i++) {
            int at = i % current.size();
            Machine before = current.get(at);
            Machine after = i % 2 == 0 ? before.withRunnable(!before.runnable())
                    : before.withContext("runner".equals(before.context()) ? "other" : "runner");
            current.set(at, client.update(before, after));
        }
        for (int i = 0; i < 5; i++) {
            client.delete(DrpType.MACHINES, current.remove(current.size() - 1).uuid());
        }
    }

    /** Waits until the rows hold exactly the endpoint's runner machines, as it has them; returns when (nanoTime). */
    private long awaitRows(RunnersViewModel runners, DrpClient server, long withinMillis, String what)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(withinMillis);
        Map<String, ObjectNode> expected = Map.of();
        Map<String, ObjectNode> shown = new HashMap<>();
        while (System.nanoTime() < deadline) {
            expected = server.list(DrpType.MACHINES, Filter.ALL).stream().filter(Machine::isRunner)
                    .collect(Collectors.toMap(Machine::uuid, RunnersConvergenceTest::asShown));
            shown.clear();
            shown.putAll(onUi(() -> runners.rows().stream().collect(Collectors.toMap(RunnerRow::uuid,
                    row -> asShown(row.machine())))));
            if (expected.equals(shown)) {
                return System.nanoTime();
            }
            Thread.sleep(50);
        }
        Map<String, ObjectNode> endpoint = expected;
        long wrong = endpoint.keySet().stream().filter(uuid -> !endpoint.get(uuid).equals(shown.get(uuid))).count()
                + shown.keySet().stream().filter(uuid -> !endpoint.containsKey(uuid)).count();
        assertEquals(0, wrong, what + " within " + withinMillis + " ms: rows missing, extra or stale, of "
                + endpoint.size());
        return deadline;
    }

    /**
     * A machine as the view lists it (without Params; events are kept the same way), without DRP's Partial marker,
     * which a slim list carries and an event does not: that differs by route, not by staleness.
     */
    private static ObjectNode asShown(Machine machine) {
        ObjectNode json = Filter.ALL.withoutParams().asListed(machine.json()).deepCopy();
        json.remove("Partial");
        return json;
    }

    private <T> T onUi(Callable<T> task) throws Exception {
        return ui.submit(task).get(10, TimeUnit.SECONDS);
    }
}
