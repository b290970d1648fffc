package dev.drpconsole.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/**
 * A live copy of an engine's containers, as the Containers, Runners and Jobs views keep it: listed after events, a
 * lost engine reported, a switch of the handle (the user signed in to another endpoint) followed to the new engine,
 * an endpoint without a runner engine told as "not watched", and nothing reported once closed.
 */
class LiveContainersTest {
    private static final EngineChoice WORKSTATION = EngineChoice.LOCAL;
    private static final EngineChoice SERVER = EngineChoice.parse("ssh://root@drp1");

    private final InMemoryEngine workstation = new InMemoryEngine();
    private final InMemoryEngine server = new InMemoryEngine();
    private final Map<EngineChoice, InMemoryEngine> engines = Map.of(WORKSTATION, workstation, SERVER, server);
    private final Queue<Runnable> io = new ArrayDeque<>();
    private final List<String> heard = new ArrayList<>();
    private final EngineHandle handle = EngineHandle.of(WORKSTATION, choice -> {
        if (choice instanceof EngineChoice.None) {
            throw new NoEngineException();
        }
        return engines.get(choice);
    });

    @Test
    void listsAfterEventsAndSaysWhenTheEngineGoesAway() {
        workstation.add("web", "nginx");
        LiveContainers live = start(Runnable::run);
        assertEquals(List.of("listed [web]"), heard);

        workstation.add("db", "postgres");
        workstation.goAway("engine stopped");

        assertEquals(List.of("listed [web]", "listed [web, db]", "unreachable: engine stopped"), heard);
        live.close();
    }

    @Test
    void followsTheHandleToAnotherEndpointsEngine() {
        workstation.add("workstation-only", "nginx");
        server.addRunner("7c3f9d1e-0000-4000-8000-000000000001");
        LiveContainers live = start(Runnable::run);

        handle.use(SERVER);

        assertEquals(List.of("listed [workstation-only]",
                "listed [drp-runner-7c3f9d1e-0000-4000-8000-000000000001]"), heard);
        assertEquals(0, workstation.openWatches(), "the old engine's stream is closed");
        assertEquals(1, server.openWatches());
        server.addRunner("7c3f9d1e-0000-4000-8000-000000000002");
        assertEquals(3, heard.size(), "the new engine's events are heard: " + heard);
        live.close();
    }

    @Test
    void anEndpointWithoutARunnerEngineIsNotWatched() {
        LiveContainers live = start(Runnable::run);

        handle.use(EngineChoice.NONE);

        assertEquals("not watched: Not watched (no engine for this endpoint)", heard.get(heard.size() - 1));
        live.close();
    }

    @Test
    void nothingIsHeardOnceClosed() {
        LiveContainers live = start(io::add);
        io.poll().run(); // the stream opens and a list is asked for
        live.close();
        workstation.add("late", "nginx");
        drainIo();

        assertEquals(List.of(), heard);
        assertEquals(0, workstation.openWatches(), "the event stream is closed too");
        handle.use(SERVER);
        drainIo();
        assertTrue(heard.isEmpty(), "a switch after the close opens nothing: " + heard);
        assertEquals(0, server.openWatches());
    }

    private LiveContainers start(Executor ioExecutor) {
        LiveContainers live = new LiveContainers(handle, Duration.ZERO, ioExecutor, Runnable::run);
        live.start(new LiveContainers.Listener() {
            @Override
            public void connected(EngineInfo info) {
            }

            @Override
            public void listed(List<ContainerSummary> all) {
                // Run inline, nothing coalesces the lists an open and its first events ask for: a repeat is not news.
                String listed = "listed " + all.stream().map(ContainerSummary::name).toList();
                if (heard.isEmpty() || !heard.get(heard.size() - 1).equals(listed)) {
                    heard.add(listed);
                }
            }

            @Override
            public void unreachable(String reason, String fix) {
                heard.add("unreachable: " + reason);
            }

            @Override
            public void notWatched(String reason, String fix) {
                heard.add("not watched: " + reason);
            }
        });
        return live;
    }

    private void drainIo() {
        while (!io.isEmpty()) {
            io.poll().run();
        }
    }
}
