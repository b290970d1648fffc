package dev.drpconsole.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.core.engine.ContainerEngine;
import dev.drpconsole.core.engine.EngineChoice;
import dev.drpconsole.sandbox.actions.PluginActions;
import dev.drpconsole.sandbox.api.ActionEndpoints;
import dev.drpconsole.sandbox.api.ApiRoutes;
import dev.drpconsole.sandbox.api.ApiSection;
import dev.drpconsole.sandbox.api.CallerAccess;
import dev.drpconsole.sandbox.api.CatalogEndpoints;
import dev.drpconsole.sandbox.api.ContentEndpoints;
import dev.drpconsole.sandbox.api.EventsEndpoint;
import dev.drpconsole.sandbox.api.FilesEndpoints;
import dev.drpconsole.sandbox.api.HttpsListener;
import dev.drpconsole.sandbox.api.InfoEndpoint;
import dev.drpconsole.sandbox.api.JobEndpoints;
import dev.drpconsole.sandbox.api.MetaEndpoints;
import dev.drpconsole.sandbox.api.ObjectEndpoints;
import dev.drpconsole.sandbox.api.ParamsEndpoints;
import dev.drpconsole.sandbox.api.PasswordEndpoint;
import dev.drpconsole.sandbox.api.PluginProviderEndpoints;
import dev.drpconsole.sandbox.api.PrefsEndpoint;
import dev.drpconsole.sandbox.api.RequestCounts;
import dev.drpconsole.sandbox.api.TokenEndpoints;
import dev.drpconsole.sandbox.auth.AdminPassword;
import dev.drpconsole.sandbox.auth.Authenticator;
import dev.drpconsole.sandbox.auth.Principal;
import dev.drpconsole.sandbox.auth.TokenSigner;
import dev.drpconsole.sandbox.content.ContentPacks;
import dev.drpconsole.sandbox.events.EventBus;
import dev.drpconsole.sandbox.events.EventSocket;
import dev.drpconsole.sandbox.files.BlobStore;
import dev.drpconsole.sandbox.jobs.JobActionsRenderer;
import dev.drpconsole.sandbox.jobs.JobLogs;
import dev.drpconsole.sandbox.jobs.JobRules;
import dev.drpconsole.sandbox.jobs.NextJobPlanner;
import dev.drpconsole.sandbox.jobs.GoTemplateRenderer;
import dev.drpconsole.sandbox.jobs.TaskTemplateRenderer;
import dev.drpconsole.sandbox.machines.MachineRules;
import dev.drpconsole.sandbox.machines.TaskListRules;
import dev.drpconsole.sandbox.model.ObjectKinds;
import dev.drpconsole.sandbox.objects.ObjectService;
import dev.drpconsole.sandbox.objects.UserRules;
import dev.drpconsole.sandbox.params.ParamResolver;
import dev.drpconsole.sandbox.runner.DockerContextActions;
import dev.drpconsole.sandbox.runner.DockerContextEngine;
import dev.drpconsole.sandbox.store.ObjectStore;
import dev.drpconsole.sandbox.store.Preferences;
import dev.drpconsole.sandbox.tls.SandboxCertificate;
import io.javalin.util.JavalinBindException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A DRP-compatible endpoint inside the project: the real drpcli and its agent accept it. Start one with
 * {@link #start(SandboxConfig)}, read {@link #url()} and {@link #adminPassword()}, and {@link #close()} it when
 * done; everything it knows stays in the data dir for the next start. Runner containers keep running across a
 * close, and the next start reconciles them.
 */
public final class SandboxServer implements AutoCloseable {

    private final SandboxConfig config;
    private final AdminPassword adminPassword;
    private final SandboxCertificate certificate;
    private final ObjectService objects;
    private final EventSocket eventSocket;
    private final JobLogs jobLogs;
    private final RequestCounts requests;
    private final HttpsListener listener;
    private final Optional<DockerContextEngine> runners;
    private final Optional<EngineChoice> runnerEngine;
    private final Optional<ContainerEngine> ownedEngine;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final int port;

    private SandboxServer(SandboxConfig config, Parts parts, HttpsListener listener,
                          Optional<DockerContextEngine> runners, Optional<EngineChoice> runnerEngine,
                          Optional<ContainerEngine> ownedEngine) {
        this.config = config;
        this.adminPassword = parts.password;
        this.certificate = parts.certificate;
        this.objects = parts.objects;
        this.eventSocket = parts.eventSocket;
        this.jobLogs = parts.jobLogs;
        this.requests = parts.requests;
        this.listener = listener;
        this.port = listener.port();
        this.runners = runners;
        this.runnerEngine = runnerEngine;
        this.ownedEngine = ownedEngine;
    }

    /** What the sandbox is made of before it listens. */
    private record Parts(Path dataDir, AdminPassword password, SandboxCertificate certificate, ObjectService objects,
                         EventBus events, Authenticator authenticator, EventSocket eventSocket, JobLogs jobLogs,
                         BlobStore files, PluginActions actions, String endpointId, Preferences preferences,
                         ContentPacks contents, ContextsFeature contexts, RequestCounts requests) {
    }

    /**
     * Starts a sandbox; it accepts requests when this returns. It runs runner containers on the engine
     * {@link SandboxConfig#runnerEngine()} names (by default the plugin's own choice: Podman when a Podman socket
     * answers, else the docker CLI's engine) and logs which one and why; without an engine it still serves the API.
     *
     * @throws SandboxStartException when the port is taken, the data dir cannot be used, or a named runner engine
     *                               cannot be opened
     */
    public static SandboxServer start(SandboxConfig config) throws SandboxStartException {
        // The port first: a caller that retries on another port (LocalSandbox) then looks for the engine once.
        refuseBusyPort(config.port());
        Optional<RunnerEngineInUse> engine = RunnerEngineInUse.open(config.runnerEngine(),
                PluginDefaultEngine.forThisMachine());
        try {
            return start(config, engine, true);
        } catch (SandboxStartException | RuntimeException e) {
            engine.ifPresent(inUse -> inUse.engine().close());
            throw e;
        }
    }

    /**
     * Starts a sandbox whose runner containers run on the given engine (which the caller keeps and closes),
     * whatever {@link SandboxConfig#runnerEngine()} says.
     */
    public static SandboxServer start(SandboxConfig config, ContainerEngine engine) throws SandboxStartException {
        refuseBusyPort(config.port());
        return start(config, Optional.of(RunnerEngineInUse.given(engine)), false);
    }

    private static SandboxServer start(SandboxConfig config, Optional<RunnerEngineInUse> engine, boolean ownsEngine)
            throws SandboxStartException {
        Path dataDir = config.dataDir().toAbsolutePath();
        try {
            Parts parts = assemble(config, dataDir);
            AtomicReference<String> apiUrl = new AtomicReference<>(urlFor(config.port()));
            InfoEndpoint info = new InfoEndpoint(parts.objects.store(), () -> URI.create(apiUrl.get()).getPort(),
                    parts.endpointId, config.contexts());
            ApiRoutes routes = routes(parts, info, templateRenderer(parts), apiUrl);
            HttpsListener listener = HttpsListener.start(config.port(), parts.certificate, routes, parts.authenticator,
                    parts.eventSocket);
            apiUrl.set(urlFor(listener.port()));
            // Before 4.2 there is no docker-context plugin to run anything (contexts kept in the data dir stay idle).
            Optional<DockerContextEngine> runners = engine.filter(found -> config.contexts().served())
                    .map(found -> startRunners(config, parts, found.engine(), apiUrl));
            return new SandboxServer(config, parts, listener, runners, engine.map(RunnerEngineInUse::choice),
                    engine.map(RunnerEngineInUse::engine).filter(owned -> ownsEngine));
        } catch (JavalinBindException e) {
            throw portInUse(config.port(), e);
        } catch (IOException | RuntimeException e) {
            throw new SandboxStartException("Cannot start the sandbox with data dir " + dataDir + ": "
                    + e.getMessage(), e);
        }
    }

    /** Checks the port first, so a busy port is one plain message rather than a logged server failure too. */
    private static void refuseBusyPort(int port) throws SandboxStartException {
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(HttpsListener.HOST, port));
        } catch (IOException e) {
            throw portInUse(port, e);
        }
    }

    private static SandboxStartException portInUse(int port, Exception cause) {
        return new SandboxStartException("Port " + port + " on " + HttpsListener.HOST + " is already in use (is "
                + "another DRP endpoint or sandbox running?). Stop it, or start the sandbox on another port with "
                + "--port N.", cause);
    }

    private static Parts assemble(SandboxConfig config, Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        // Objects hold machine secrets and the keys sign tokens: the data dir is its owner's alone.
        if (Files.getFileStore(dataDir).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
        }
        AdminPassword password = config.password().isPresent() ? AdminPassword.given(config.password().get())
                : AdminPassword.keptIn(dataDir);
        SandboxCertificate certificate = SandboxCertificate.keptIn(dataDir);
        TokenSigner signer = TokenSigner.keptIn(dataDir);
        ObjectStore store = ObjectStore.open(ObjectKinds.standard(), dataDir.resolve("objects"));
        EventBus events = new EventBus();
        store.addListener(events);
        ObjectService objects = new ObjectService(store, ServerClock.in(config.timeZone()));
        Preferences preferences = Preferences.keptIn(store, dataDir);
        JobLogs jobLogs = new JobLogs(dataDir.resolve("job-logs"));
        objects.setRules("users", new UserRules());
        objects.setRules("machines", new MachineRules(new TaskListRules(store,
                config.v3EmptyTaskLists()), preferences, objects));
        objects.setRules("jobs", new JobRules(objects, jobLogs));
        ContentPacks contents = new ContentPacks(store, dataDir.resolve("contents"));
        // An endpoint older than 4.2 has no docker-context plugin either.
        BuiltInObjects.ensure(objects, contents, config.providerBuiltIn() && config.contexts().served(),
                config.contexts());
        Authenticator authenticator = new Authenticator(password, signer, store);
        CallerAccess access = new CallerAccess(store);
        EventSocket eventSocket = new EventSocket(events, authenticator, config.eventBufferFrames(),
                (principal, event) -> "websocket".equals(event.type()) || access.maySeeEvent(principal,
                        event.type(), event.action(), event.key(), event.object()));
        return new Parts(dataDir, password, certificate, objects, events, authenticator, eventSocket, jobLogs,
                new BlobStore("files", dataDir.resolve("files")), new PluginActions(), EndpointId.keptIn(dataDir),
                preferences, contents, config.contexts(), new RequestCounts());
    }

    /** Task templates are Go templates; .GenerateToken mints machine tokens, {{template}} reads stored ones. */
    private static TaskTemplateRenderer templateRenderer(Parts parts) {
        return new GoTemplateRenderer(
                (uuid, lifetime) -> parts.authenticator.issueToken(Principal.machine(uuid), lifetime),
                id -> parts.objects.find("templates", id).map(found -> SandboxJson.string(found, "Contents")));
    }

    private static ApiRoutes routes(Parts parts, InfoEndpoint info, TaskTemplateRenderer renderer,
                                    AtomicReference<String> apiUrl) {
        ObjectService objects = parts.objects;
        CatalogEndpoints catalog = new CatalogEndpoints(objects.kinds());
        ParamResolver params = new ParamResolver(objects.store());
        Map<String, ApiSection> sections = new HashMap<>();
        sections.put("info", info);
        sections.put("objects", catalog.objects());
        sections.put("indexes", catalog.indexes());
        sections.put("events", new EventsEndpoint(parts.events));
        sections.put("meta", new MetaEndpoints(objects));
        sections.put("prefs", new PrefsEndpoint(parts.preferences));
        sections.put("files", new FilesEndpoints(parts.files, true));
        sections.put("isos", new FilesEndpoints(new BlobStore("isos", parts.dataDir.resolve("isos")), false));
        sections.put("plugin_providers", new PluginProviderEndpoints(objects,
                new BlobStore("plugin_providers", parts.dataDir.resolve("plugin_providers")),
                () -> BuiltInObjects.ensureDockerContextPlugin(objects, parts.contexts)));
        sections.put("contents", new ContentEndpoints(parts.contents));
        sections.put("jobs", new JobEndpoints(objects, new NextJobPlanner(objects, parts.jobLogs, parts.actions),
                new JobActionsRenderer(objects, params, parts.jobLogs, renderer, apiUrl::get), parts.jobLogs));
        if (!parts.contexts.served()) {
            sections.put("contexts", exchange -> {
                throw ApiRoutes.noRoute(exchange);
            });
        }
        Map<String, ApiSection> subresources = new HashMap<>();
        subresources.put("token", new TokenEndpoints(objects, parts.authenticator, info));
        subresources.put("params", new ParamsEndpoints(objects, params));
        subresources.put("actions", new ActionEndpoints(objects, parts.actions));
        subresources.put("password", new PasswordEndpoint(objects));
        return new ApiRoutes(parts.authenticator, new CallerAccess(objects.store()), sections, subresources,
                new ObjectEndpoints(objects), parts.requests);
    }

    private static DockerContextEngine startRunners(SandboxConfig config, Parts parts, ContainerEngine engine,
                                                    AtomicReference<String> apiUrl) {
        DockerContextEngine runners = DockerContextEngine.create(parts.objects, engine, parts.files,
                parts.authenticator, parts.endpointId, apiUrl::get, config.runnerLabels(), config.contexts());
        new DockerContextActions(runners).registerWith(parts.actions);
        runners.start();
        return runners;
    }

    private static String urlFor(int port) {
        return "https://" + HttpsListener.HOST + ":" + port;
    }

    /** The port it listens on (kept after close, for messages and restarts on the same port). */
    public int port() {
        return port;
    }

    /** The API endpoint, e.g. https://127.0.0.1:8092 (what drpcli calls RS_ENDPOINT). */
    public URI url() {
        return URI.create(urlFor(port()));
    }

    public AdminPassword adminPassword() {
        return adminPassword;
    }

    /** The self-signed certificate clients can pin. */
    public SandboxCertificate certificate() {
        return certificate;
    }

    public SandboxConfig config() {
        return config;
    }

    public ObjectService objects() {
        return objects;
    }

    /** Event frames dropped so far for clients that read slower than events came (see {@link EventSocket}). */
    public long droppedEventFrames() {
        return eventSocket.droppedFrames();
    }

    /** The API requests served so far, per caller: the load clients put on the endpoint. */
    public Map<String, Long> requestsServed() {
        return requests.snapshot();
    }

    /** The jobs' logs as stored, growing as agents upload output (tests and benchmarks read them as they grow). */
    public JobLogs jobLogs() {
        return jobLogs;
    }

    /**
     * The engine the runner containers run on, as the console opens it from this machine to watch them: the
     * {@code unix://} socket or {@code tcp://} address actually used rather than {@code local} or a context name,
     * which the console's own lookup might resolve to another engine. Empty when the sandbox runs no runners.
     */
    public Optional<EngineChoice> runnerEngine() {
        return runnerEngine;
    }

    /** The docker-context engine, when the sandbox runs runner containers. */
    public Optional<DockerContextEngine> runners() {
        return runners;
    }

    /** Stops serving; safe to call more than once. Runner containers are left running for the next start. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        runners.ifPresent(DockerContextEngine::close);
        eventSocket.close();
        listener.close();
        ownedEngine.ifPresent(ContainerEngine::close);
    }
}
