package dev.drpconsole.core.engine;

import java.io.Closeable;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A container engine in memory, for view-model tests that check their own logic without Docker, sockets or a
 * toolkit: containers the test adds, changes and removes (each change fires the container event the engine would,
 * on the calling thread), an engine that stops answering and comes back, and container logs as given lines. Not a
 * stand-in for an engine's behaviour: {@link EngineComplianceTest} holds the real ones to that.
 */
public final class InMemoryEngine implements ContainerEngine {
    private static final EngineEndpoint ENDPOINT = EngineEndpoint.of(URI.create("unix:///in-memory.sock"), "test");

    private final Map<String, ContainerSummary> containers = new LinkedHashMap<>();
    private final Map<String, List<String>> logs = new LinkedHashMap<>();
    private final List<Watch> watches = new CopyOnWriteArrayList<>();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private volatile String unreachable;

    /** Adds a running container (created now) and fires its "start" event; returns it. */
    public ContainerSummary add(String name, String image) {
        ContainerSummary container = new ContainerSummary(UUID.randomUUID().toString().replace("-", ""), name, image,
                "running", "Up 1 second", Instant.now(), Map.of());
        put(container, "start");
        return container;
    }

    /** A runner container of this machine ({@code drp-runner-<uuid>}). */
    public ContainerSummary addRunner(String machineUuid) {
        return add(RunnerContainerName.PREFIX + machineUuid, "drpconsole/runner:1");
    }

    /** Removes the container and fires "destroy". */
    public void removeContainer(String name) {
        ContainerSummary gone;
        synchronized (this) {
            gone = containers.remove(byName(name).id());
        }
        fire(gone, "destroy");
    }

    /** The container's log, as the lines a follow delivers. */
    public synchronized void log(String name, String... lines) {
        logs.put(name, List.of(lines));
    }

    /** The engine stops answering: calls fail, and event watches hear that the connection is lost. */
    public void goAway(String reason) {
        unreachable = reason;
        watches.forEach(watch -> watch.connection.onLost(reason, Duration.ofSeconds(1)));
    }

    /** The engine answers again; watches hear it (and list again). */
    public void comeBack() {
        unreachable = null;
        watches.forEach(watch -> watch.connection.onConnected());
    }

    /** The actions asked of containers so far, e.g. "restart web". */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    /** How many event watches are open (a hidden view keeps none). */
    public int openWatches() {
        return watches.size();
    }

    public synchronized ContainerSummary byName(String name) {
        return containers.values().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new EngineObjectNotFoundException("No such container: " + name, null));
    }

    private void put(ContainerSummary container, String action) {
        synchronized (this) {
            containers.put(container.id(), container);
        }
        fire(container, action);
    }

    private void fire(ContainerSummary container, String action) {
        EngineEvent event = new EngineEvent("container", action, container.id(), container.name(), Map.of(),
                Instant.now());
        watches.forEach(watch -> watch.events.onEvent(event));
    }

    private void check() {
        String reason = unreachable;
        if (reason != null) {
            throw new EngineUnavailableException(reason, "Start the engine.", null);
        }
    }

    @Override
    public EngineEndpoint endpoint() {
        return ENDPOINT;
    }

    @Override
    public EngineInfo info() {
        check();
        return new EngineInfo(EngineProduct.DOCKER, "20.10.24", "1.41", "linux", "amd64", ENDPOINT.host(), "test");
    }

    @Override
    public EngineContainers containers() {
        return new Containers();
    }

    @Override
    public EngineImages images() {
        return (EngineImages) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {EngineImages.class},
                (proxy, method, args) -> {
                    throw new UnsupportedOperationException("no images in memory");
                });
    }

    @Override
    public Closeable watchEvents(EventQuery query, EngineEventListener events, EngineConnectionListener connection) {
        check();
        Watch watch = new Watch(events, connection);
        watches.add(watch);
        connection.onConnected();
        return () -> watches.remove(watch);
    }

    @Override
    public void close() {
        watches.clear();
    }

    private record Watch(EngineEventListener events, EngineConnectionListener connection) {
    }

    private final class Containers implements EngineContainers {
        @Override
        public List<ContainerSummary> list(ContainerQuery query) {
            check();
            synchronized (InMemoryEngine.this) {
                return new ArrayList<>(containers.values());
            }
        }

        @Override
        public ContainerDetails inspect(String idOrName) {
            check();
            ContainerSummary c = find(idOrName);
            return new ContainerDetails(c.id(), c.name(), c.image(), "sha256:" + c.id(), c.state(), c.isRunning(), 0,
                    c.created(), Optional.of(c.created()), Optional.empty(), c.labels(),
                    List.of("RS_UUID=x", "RS_TOKEN=secret"), "host");
        }

        @Override
        public String run(ContainerSpec spec) {
            throw new UnsupportedOperationException("add containers with InMemoryEngine.add");
        }

        @Override
        public void start(String idOrName) {
            setState(idOrName, "running", "Up 1 second", "start");
        }

        @Override
        public void stop(String idOrName, Duration timeout) {
            setState(idOrName, "exited", "Exited (0) 1 second ago", "die");
        }

        @Override
        public void restart(String idOrName, Duration timeout) {
            setState(idOrName, "running", "Up 1 second", "restart");
        }

        @Override
        public void remove(String idOrName, boolean force) {
            check();
            calls.add("remove " + find(idOrName).name());
            removeContainer(find(idOrName).name());
        }

        @Override
        public Closeable followLogs(String idOrName, LogOptions options, LogListener listener) {
            check();
            List<String> lines;
            synchronized (InMemoryEngine.this) {
                lines = logs.getOrDefault(find(idOrName).name(), List.of());
            }
            Instant at = Instant.parse("2024-05-01T10:00:00Z");
            for (String line : lines) {
                listener.onLine(new LogLine(LogStream.STDOUT, line, Optional.of(at)));
            }
            return () -> { };
        }

        private void setState(String idOrName, String state, String status, String action) {
            check();
            ContainerSummary c = find(idOrName);
            calls.add(action + " " + c.name());
            put(new ContainerSummary(c.id(), c.name(), c.image(), state, status, c.created(), c.labels()), action);
        }

        private ContainerSummary find(String idOrName) {
            synchronized (InMemoryEngine.this) {
                ContainerSummary byId = containers.get(idOrName);
                return byId != null ? byId : byName(idOrName);
            }
        }
    }
}
