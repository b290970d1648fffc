package dev.drpconsole.ui.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drpconsole.core.concurrent.TaskRunner;
import dev.drpconsole.core.engine.ContainerEngine;
import dev.drpconsole.core.engine.ContainerSummary;
import dev.drpconsole.core.engine.EngineConnectionListener;
import dev.drpconsole.core.engine.EngineContainers;
import dev.drpconsole.core.engine.EngineEndpoint;
import dev.drpconsole.core.engine.EngineEvent;
import dev.drpconsole.core.engine.EngineEventListener;
import dev.drpconsole.core.engine.EngineHandle;
import dev.drpconsole.core.engine.EngineImages;
import dev.drpconsole.core.engine.EngineInfo;
import dev.drpconsole.core.engine.EventQuery;
import dev.drpconsole.core.engine.RunnerContainerName;
import java.io.Closeable;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The runner containers' states as the Runners rows show them: listed after engine events, a burst costing one
 * list, an older list never overwriting a newer state, and nothing reported once the page stopped following.
 */
class RunnerContainersTest {
    private final String machine = UUID.randomUUID().toString();
    private final String container = RunnerContainerName.forMachine(UUID.fromString(machine));
    private final FakeEngine engine = new FakeEngine();
    private final Queue<Runnable> io = new ArrayDeque<>();
    private final List<Map<String, String>> reported = new ArrayList<>();
    private int lists;

    @Test
    void statesFollowEngineEventsAndALostEngineIsUnknown() {
        RunnerContainers containers = start(TaskRunner.inline());
        assertEquals(List.of(Map.of(machine, "running")), reported);

        engine.state = "exited";
        engine.event();
        engine.connection.onLost("engine stopped", Duration.ofSeconds(1));

        assertEquals(Arrays.asList(Map.of(machine, "running"), Map.of(machine, "exited"), null), reported,
                "null: the engine cannot be asked");
        containers.close();
    }

    @Test
    void eventsWhileAListWaitsCostNoExtraList() {
        start(new TaskRunner(io::add, Runnable::run));
        io.poll().run(); // the watch opens
        engine.event();
        engine.event();

        drainIo();

        assertEquals(1, lists);
        assertEquals(List.of(Map.of(machine, "running")), reported);
    }

    @Test
    void anOlderListAnsweringLateIsDropped() {
        start(new TaskRunner(io::add, Runnable::run));
        io.poll().run(); // the watch opens
        engine.duringList = () -> {
            engine.state = "exited"; // the container stops while the first list is on its way
            engine.event();
        };
        io.poll().run(); // the first list answers "running", after the second was queued

        engine.duringList = () -> { };
        drainIo();

        assertEquals(List.of(Map.of(machine, "exited")), reported);
    }

    @Test
    void nothingIsReportedOnceClosed() {
        RunnerContainers containers = start(new TaskRunner(io::add, Runnable::run));
        io.poll().run(); // the watch opens

        containers.close();
        drainIo();

        assertEquals(List.of(), reported);
        assertTrue(engine.watchClosed, "the event stream is closed too");
    }

    private RunnerContainers start(TaskRunner tasks) {
        RunnerContainers containers = new RunnerContainers(new EngineHandle(() -> engine), tasks, reported::add);
        containers.start();
        return containers;
    }

    private void drainIo() {
        while (!io.isEmpty()) {
            io.poll().run();
        }
    }

    /** An engine with one runner container whose state the test sets, and an event stream the test fires. */
    private final class FakeEngine implements ContainerEngine {
        String state = "running";
        Runnable duringList = () -> { };
        EngineEventListener events;
        EngineConnectionListener connection;
        boolean watchClosed;

        void event() {
            events.onEvent(new EngineEvent("container", "die", "id", container, Map.of(), Instant.now()));
        }

        @Override
        public EngineContainers containers() {
            return (EngineContainers) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {EngineContainers.class}, (proxy, method, args) -> {
                        if (!method.getName().equals("list")) {
                            throw new UnsupportedOperationException(method.getName());
                        }
                        lists++;
                        String now = state;
                        duringList.run();
                        return List.of(new ContainerSummary("id", container, "runner:1", now, now, Instant.now(),
                                new HashMap<>()));
                    });
        }

        @Override
        public Closeable watchEvents(EventQuery query, EngineEventListener events, EngineConnectionListener connection) {
            this.events = events;
            this.connection = connection;
            return () -> watchClosed = true;
        }

        @Override
        public EngineEndpoint endpoint() {
            throw new UnsupportedOperationException();
        }

        @Override
        public EngineInfo info() {
            throw new UnsupportedOperationException();
        }

        @Override
        public EngineImages images() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
        }
    }
}
