package dev.drpconsole.sandbox.runner;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.core.engine.ContainerDetails;
import dev.drpconsole.core.engine.ContainerEngine;
import dev.drpconsole.core.engine.ContainerQuery;
import dev.drpconsole.core.engine.ContainerSpec;
import dev.drpconsole.core.engine.ContainerSummary;
import dev.drpconsole.core.engine.EngineException;
import dev.drpconsole.core.engine.EngineObjectNotFoundException;
import dev.drpconsole.core.engine.RunnerContainerName;
import dev.drpconsole.sandbox.ContextsFeature;
import dev.drpconsole.sandbox.SandboxJson;
import dev.drpconsole.sandbox.auth.Authenticator;
import dev.drpconsole.sandbox.auth.Principal;
import dev.drpconsole.sandbox.objects.ObjectService;
import dev.drpconsole.sandbox.store.ObjectChange;
import dev.drpconsole.sandbox.store.ObjectChangeListener;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The docker-context engine (§6.2, §6.3), inside the sandbox: whenever a machine's Context names a context whose
 * Engine is {@code docker-context}, the container {@code drp-runner-<uuid>} runs the context's Image with
 * RS_UUID, RS_TOKEN (a machine token), RS_CONTEXT and RS_ENDPOINTS, on the host network (the sandbox listens on
 * 127.0.0.1 only). When the Context changes away or the machine goes, the container is stopped and removed.
 *
 * <p>It works by reconciling: every machine or context change schedules a comparison of what should run with
 * what the container engine runs, on one background thread (engine calls block). At start it reconciles
 * everything, so containers left by an earlier run of the same data dir are adopted, replaced or removed.
 * Problems (no engine, missing image) are retried and shown in the docker-context plugin's PluginErrors.
 */
public final class DockerContextEngine implements ObjectChangeListener, AutoCloseable {

    public static final String ENGINE_NAME = "docker-context";
    private static final Logger LOG = LoggerFactory.getLogger(DockerContextEngine.class);
    private static final Duration TOKEN_LIFETIME = Duration.ofDays(3 * 365);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(10);
    /** An agent that exits (a task asked for reboot or stop) is restarted, but not more often than this. */
    private static final Duration RESTART_BACKOFF = Duration.ofSeconds(15);

    private final ObjectService objects;
    private final ContainerEngine engine;
    private final RunnerImages images;
    private final Authenticator authenticator;
    private final String endpointId;
    private final Supplier<String> apiUrl;
    private final Map<String, String> extraLabels;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "sandbox-docker-context");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final Map<String, Instant> lastStarted = new ConcurrentHashMap<>();
    private final Map<String, String> problems = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicBoolean closing = new java.util.concurrent.atomic.AtomicBoolean();

    /** What should run for a machine. */
    record Wanted(String context, String image) {
    }

    /**
     * @param files       the files API store, where runner image tars are uploaded
     * @param endpointId  marks this sandbox's containers (stable for a data dir)
     * @param apiUrl      the URL runners reach the sandbox at (RS_ENDPOINTS)
     * @param extraLabels more labels for every container (tests mark theirs)
     * @param plugin      the plugin generation, which says where images are kept
     */
    public static DockerContextEngine create(ObjectService objects, ContainerEngine engine,
                                             dev.drpconsole.sandbox.files.BlobStore files,
                                             Authenticator authenticator, String endpointId,
                                             Supplier<String> apiUrl, Map<String, String> extraLabels,
                                             ContextsFeature plugin) {
        return new DockerContextEngine(objects, engine, new RunnerImages(engine, files, plugin), authenticator,
                endpointId, apiUrl, extraLabels);
    }

    DockerContextEngine(ObjectService objects, ContainerEngine engine, RunnerImages images,
                        Authenticator authenticator, String endpointId, Supplier<String> apiUrl,
                        Map<String, String> extraLabels) {
        this.objects = objects;
        this.engine = engine;
        this.images = images;
        this.authenticator = authenticator;
        this.endpointId = endpointId;
        this.apiUrl = apiUrl;
        this.extraLabels = Map.copyOf(extraLabels);
    }

    /** Starts following changes and reconciles everything once. */
    public void start() {
        objects.store().addListener(this);
        worker.execute(this::reconcileEverything);
    }

    @Override
    public void changed(ObjectChange change) {
        if ("machines".equals(change.prefix())) {
            request(change.key());
        } else if ("contexts".equals(change.prefix())) {
            for (ObjectNode machine : objects.list("machines")) {
                if (change.key().equals(SandboxJson.string(machine, "Context"))) {
                    request(SandboxJson.string(machine, "Uuid"));
                }
            }
        }
    }

    private void request(String uuid) {
        if (pending.add(uuid)) {
            worker.execute(() -> {
                pending.remove(uuid);
                reconcileSafely(uuid);
            });
        }
    }

    private void requestLater(String uuid, Duration delay) {
        worker.schedule(() -> request(uuid), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void reconcileEverything() {
        try {
            for (ContainerSummary container : ours()) {
                String uuid = container.labels().get(RunnerLabels.MACHINE);
                if (uuid != null) {
                    request(uuid);
                }
            }
        } catch (EngineException e) {
            LOG.warn("docker-context: cannot list runner containers: {}", e.getMessage());
        }
        for (ObjectNode machine : objects.list("machines")) {
            if (wanted(machine).isPresent()) {
                request(SandboxJson.string(machine, "Uuid"));
            }
        }
    }

    private void reconcileSafely(String uuid) {
        if (closing.get()) {
            return;
        }
        try {
            reconcile(uuid);
            solved(uuid);
        } catch (RunnerException | EngineException e) {
            if (closing.get()) {
                return;
            }
            problem(uuid, e.getMessage());
            requestLater(uuid, RETRY_AFTER);
        } catch (RuntimeException e) {
            LOG.error("docker-context: unexpected failure for machine {}", uuid, e);
            problem(uuid, e.toString());
        }
    }

    private void reconcile(String uuid) {
        Optional<ObjectNode> machine = objects.find("machines", uuid);
        Optional<Wanted> wanted = machine.flatMap(this::wanted);
        Optional<ContainerDetails> running = inspect(uuid);
        if (running.isPresent() && !endpointId.equals(running.get().labels().get(RunnerLabels.ENDPOINT))) {
            if (wanted.isPresent()) {
                throw new RunnerException("A container named " + containerName(uuid) + " that this sandbox did not "
                        + "start is in the way; remove it");
            }
            return;
        }
        boolean startedByAction = running.map(found -> "action".equals(found.labels().get(RunnerLabels.STARTED_BY)))
                .orElse(false);
        if (startedByAction && machine.isPresent()) {
            return;
        }
        if (wanted.isEmpty()) {
            running.ifPresent(found -> removeContainer(uuid, "its machine's Context no longer names a "
                    + "docker-context context"));
            return;
        }
        if (running.isPresent() && matches(running.get(), wanted.get())) {
            if (running.get().running()) {
                return;
            }
            Duration sinceStart = Duration.between(lastStarted.getOrDefault(uuid, Instant.EPOCH), Instant.now());
            if (sinceStart.compareTo(RESTART_BACKOFF) < 0) {
                requestLater(uuid, RESTART_BACKOFF.minus(sinceStart));
                return;
            }
        }
        running.ifPresent(found -> removeContainer(uuid, "it must be started afresh"));
        startContainer(machine.get(), wanted.get(), false);
    }

    private Optional<Wanted> wanted(ObjectNode machine) {
        String contextName = SandboxJson.string(machine, "Context");
        if (contextName.isEmpty()) {
            return Optional.empty();
        }
        return objects.find("contexts", contextName)
                .filter(context -> ENGINE_NAME.equals(SandboxJson.string(context, "Engine")))
                .map(context -> new Wanted(contextName, SandboxJson.string(context, "Image")));
    }

    private boolean matches(ContainerDetails container, Wanted wanted) {
        Map<String, String> labels = container.labels();
        return wanted.context().equals(labels.get(RunnerLabels.CONTEXT))
                && wanted.image().equals(labels.get(RunnerLabels.IMAGE))
                && apiUrl.get().equals(labels.get(RunnerLabels.URL));
    }

    /** Starts a runner for a machine; used by reconciling and by the agentStart action. */
    String startContainer(ObjectNode machine, Wanted wanted, boolean byAction) {
        String uuid = SandboxJson.string(machine, "Uuid");
        if (wanted.image().isEmpty()) {
            throw new RunnerException("Context " + wanted.context() + " has no Image");
        }
        images.ensure(wanted.image(), objects.find("contexts", wanted.context())
                .map(context -> context.path("Meta")).orElse(SandboxJson.object()));
        Map<String, String> labels = new HashMap<>(extraLabels);
        labels.put(RunnerLabels.ENDPOINT, endpointId);
        labels.put(RunnerLabels.MACHINE, uuid);
        labels.put(RunnerLabels.CONTEXT, wanted.context());
        labels.put(RunnerLabels.IMAGE, wanted.image());
        labels.put(RunnerLabels.URL, apiUrl.get());
        if (byAction) {
            labels.put(RunnerLabels.STARTED_BY, "action");
        }
        ContainerSpec spec = ContainerSpec.of(wanted.image())
                .withName(containerName(uuid))
                .withEnv("RS_UUID", uuid)
                .withEnv("RS_TOKEN", authenticator.issueToken(Principal.machine(uuid), TOKEN_LIFETIME))
                .withEnv("RS_CONTEXT", wanted.context())
                .withEnv("RS_ENDPOINTS", apiUrl.get())
                .withLabels(labels)
                .withHostNetwork(true)
                .withInitProcess(true);
        String id = engine.containers().run(spec);
        lastStarted.put(uuid, Instant.now());
        LOG.info("docker-context: started {} ({}) for context {}", containerName(uuid), wanted.image(),
                wanted.context());
        return id;
    }

    /** Stops and removes a machine's runner, if any; used by reconciling and by the agentStop action. */
    boolean removeContainer(String uuid, String why) {
        Optional<ContainerDetails> found = inspect(uuid);
        if (found.isEmpty()) {
            return false;
        }
        try {
            engine.containers().stop(found.get().id(), STOP_TIMEOUT);
            engine.containers().remove(found.get().id(), true);
        } catch (EngineObjectNotFoundException gone) {
            return false;
        }
        LOG.info("docker-context: removed {}: {}", containerName(uuid), why);
        return true;
    }

    private Optional<ContainerDetails> inspect(String uuid) {
        try {
            return Optional.of(engine.containers().inspect(containerName(uuid)));
        } catch (EngineObjectNotFoundException e) {
            return Optional.empty();
        }
    }

    private Iterable<ContainerSummary> ours() {
        return engine.containers().list(ContainerQuery.all().withLabel(RunnerLabels.ENDPOINT, endpointId));
    }

    static String containerName(String uuid) {
        return RunnerContainerName.forMachine(UUID.fromString(uuid));
    }

    RunnerImages images() {
        return images;
    }

    ObjectService objects() {
        return objects;
    }

    Optional<Wanted> wantedFor(ObjectNode machine) {
        return wanted(machine);
    }

    private void problem(String uuid, String message) {
        LOG.warn("docker-context: machine {}: {}", uuid, message);
        if (!message.equals(problems.put(uuid, message))) {
            publishProblems();
        }
    }

    private void solved(String uuid) {
        if (problems.remove(uuid) != null) {
            publishProblems();
        }
    }

    /** Shows the current problems in the plugin's PluginErrors, where users (and the console) look. */
    private void publishProblems() {
        objects.find("plugins", ENGINE_NAME).ifPresent(plugin -> {
            ObjectNode changed = plugin.deepCopy();
            ArrayNode errors = changed.putArray("PluginErrors");
            new TreeMap<>(problems).forEach((uuid, message) -> errors.add("machine " + uuid + ": " + message));
            if (!changed.equals(plugin)) {
                objects.save("plugins", plugin, changed);
            }
        });
    }

    /** Waits until all requested reconciling is done (tests and orderly shutdown). */
    public void awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            var marker = worker.submit(() -> pending.isEmpty());
            try {
                if (marker.get(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        closing.set(true);
        objects.store().removeListener(this);
        worker.shutdownNow();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
