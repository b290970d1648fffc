package dev.drpconsole.sandbox;

import dev.drpconsole.sandbox.actions.PluginActions;
import dev.drpconsole.sandbox.api.ActionEndpoints;
import dev.drpconsole.sandbox.api.ApiRoutes;
import dev.drpconsole.sandbox.api.JobEndpoints;
import dev.drpconsole.sandbox.jobs.JobActionsRenderer;
import dev.drpconsole.sandbox.jobs.JobLogs;
import dev.drpconsole.sandbox.jobs.JobRules;
import dev.drpconsole.sandbox.jobs.NextJobPlanner;
import dev.drpconsole.sandbox.jobs.GoTemplateRenderer;
import java.util.concurrent.atomic.AtomicReference;
import dev.drpconsole.sandbox.api.ApiSection;
import dev.drpconsole.sandbox.api.CallerAccess;
import dev.drpconsole.sandbox.api.CatalogEndpoints;
import dev.drpconsole.sandbox.api.ContentEndpoints;
import dev.drpconsole.sandbox.api.EventsEndpoint;
import dev.drpconsole.sandbox.content.ContentPacks;
import dev.drpconsole.sandbox.api.FilesEndpoints;
import dev.drpconsole.sandbox.api.PluginProviderEndpoints;
import dev.drpconsole.sandbox.files.BlobStore;
import dev.drpconsole.sandbox.api.HttpsListener;
import dev.drpconsole.sandbox.api.InfoEndpoint;
import dev.drpconsole.sandbox.api.ObjectEndpoints;
import dev.drpconsole.sandbox.api.ParamsEndpoints;
import dev.drpconsole.sandbox.params.ParamResolver;
import dev.drpconsole.sandbox.api.TokenEndpoints;
import dev.drpconsole.sandbox.auth.AdminPassword;
import dev.drpconsole.sandbox.auth.Authenticator;
import dev.drpconsole.sandbox.auth.Principal;
import dev.drpconsole.sandbox.auth.TokenSigner;
import dev.drpconsole.sandbox.events.EventBus;
import dev.drpconsole.sandbox.events.EventSocket;
import dev.drpconsole.sandbox.machines.MachineRules;
import dev.drpconsole.sandbox.machines.TaskListRules;
import dev.drpconsole.sandbox.model.ObjectKinds;
import dev.drpconsole.sandbox.objects.ObjectService;
import dev.drpconsole.sandbox.objects.UserRules;
import dev.drpconsole.sandbox.store.ObjectStore;
import dev.drpconsole.sandbox.tls.SandboxCertificate;
import io.javalin.util.JavalinBindException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A DRP-compatible endpoint inside the project: the real drpcli and its agent accept it. Start one with
 * {@link #start(SandboxConfig)}, read {@link #url()} and {@link #adminPassword()}, and {@link #close()} it when
 * done; everything it knows stays in the data dir for the next start.
 */
public final class SandboxServer implements AutoCloseable {

    private final SandboxConfig config;
    private final AdminPassword adminPassword;
    private final SandboxCertificate certificate;
    private final ObjectService objects;
    private final EventSocket eventSocket;
    private final HttpsListener listener;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private SandboxServer(SandboxConfig config, AdminPassword adminPassword, SandboxCertificate certificate,
                          ObjectService objects, EventSocket eventSocket, HttpsListener listener) {
        this.config = config;
        this.adminPassword = adminPassword;
        this.certificate = certificate;
        this.objects = objects;
        this.eventSocket = eventSocket;
        this.listener = listener;
    }

    /**
     * Starts a sandbox; it accepts requests when this returns.
     *
     * @throws SandboxStartException when the port is taken or the data dir cannot be used
     */
    public static SandboxServer start(SandboxConfig config) throws SandboxStartException {
        Path dataDir = config.dataDir().toAbsolutePath();
        try {
            Files.createDirectories(dataDir);
            AdminPassword password = config.password().isPresent() ? AdminPassword.given(config.password().get())
                    : AdminPassword.keptIn(dataDir);
            SandboxCertificate certificate = SandboxCertificate.keptIn(dataDir);
            TokenSigner signer = TokenSigner.keptIn(dataDir);
            ObjectStore store = ObjectStore.open(ObjectKinds.standard(), dataDir.resolve("objects"));
            EventBus events = new EventBus();
            store.addListener(events);
            ObjectService objects = new ObjectService(store);
            objects.setRules("users", new UserRules());
            objects.setRules("machines", new MachineRules(new TaskListRules(store)));
            JobLogs jobLogs = new JobLogs(dataDir.resolve("job-logs"));
            objects.setRules("jobs", new JobRules(objects, jobLogs));
            PluginActions pluginActions = new PluginActions();
            BuiltInObjects.ensure(objects);
            Authenticator authenticator = new Authenticator(password, signer, store);
            EventSocket eventSocket = new EventSocket(events, authenticator, (principal, event) ->
                    !principal.isMachine() || "websocket".equals(event.type())
                            || event.object() instanceof com.fasterxml.jackson.databind.node.ObjectNode object
                            && CallerAccess.machineMaySee(principal.name(), event.type(), object));
            AtomicInteger boundPort = new AtomicInteger(config.port());
            InfoEndpoint info = new InfoEndpoint(store, boundPort::get, endpointId(dataDir));
            BlobStore files = new BlobStore("files", dataDir.resolve("files"));
            AtomicReference<String> apiUrl = new AtomicReference<>("https://" + HttpsListener.HOST + ":" + config.port());
            ParamResolver params = new ParamResolver(store);
            JobEndpoints jobs = new JobEndpoints(objects, new NextJobPlanner(objects, jobLogs, pluginActions),
                    new JobActionsRenderer(objects, params, jobLogs, templateRenderer(objects, authenticator),
                            apiUrl::get), jobLogs);
            ApiRoutes routes = routes(dataDir, objects, authenticator, info, events, files, jobs, pluginActions);
            HttpsListener listener = HttpsListener.start(config.port(), certificate, routes, authenticator,
                    eventSocket);
            boundPort.set(listener.port());
            apiUrl.set("https://" + HttpsListener.HOST + ":" + listener.port());
            return new SandboxServer(config, password, certificate, objects, eventSocket, listener);
        } catch (JavalinBindException e) {
            throw new SandboxStartException("Port " + config.port() + " on " + HttpsListener.HOST + " is already in "
                    + "use (is another DRP endpoint or sandbox running?). Stop it, or start the sandbox on another "
                    + "port with --port N.", e);
        } catch (IOException | RuntimeException e) {
            throw new SandboxStartException("Cannot start the sandbox with data dir " + dataDir + ": "
                    + e.getMessage(), e);
        }
    }

    private static GoTemplateRenderer templateRenderer(ObjectService objects, Authenticator authenticator) {
        return new GoTemplateRenderer((uuid, lifetime) -> authenticator.issueToken(Principal.machine(uuid), lifetime),
                id -> objects.find("templates", id).map(found -> SandboxJson.string(found, "Contents")));
    }

    private static ApiRoutes routes(Path dataDir, ObjectService objects, Authenticator authenticator,
                                    InfoEndpoint info, EventBus events, BlobStore files, JobEndpoints jobs,
                                    PluginActions pluginActions) {
        CatalogEndpoints catalog = new CatalogEndpoints(objects.kinds());
        Map<String, ApiSection> sections = new HashMap<>();
        sections.put("info", info);
        sections.put("objects", catalog.objects());
        sections.put("indexes", catalog.indexes());
        sections.put("events", new EventsEndpoint(events));
        sections.put("jobs", jobs);
        sections.put("contents", new ContentEndpoints(new ContentPacks(objects.store(), dataDir.resolve("contents"))));
        sections.put("files", new FilesEndpoints(files, true));
        sections.put("isos", new FilesEndpoints(new BlobStore("isos", dataDir.resolve("isos")), false));
        sections.put("plugin_providers", new PluginProviderEndpoints(objects,
                new BlobStore("plugin_providers", dataDir.resolve("plugin_providers"))));
        Map<String, ApiSection> subresources = new HashMap<>();
        subresources.put("token", new TokenEndpoints(objects, authenticator, info));
        subresources.put("params", new ParamsEndpoints(objects, new ParamResolver(objects.store())));
        subresources.put("actions", new ActionEndpoints(objects, pluginActions));
        return new ApiRoutes(authenticator, new CallerAccess(objects.store()), sections, subresources,
                new ObjectEndpoints(objects));
    }

    /** A stable id for this endpoint (its data dir), reported as {@code id} in info. */
    private static String endpointId(Path dataDir) {
        return "sandbox-" + Integer.toHexString(dataDir.toString().hashCode());
    }

    public int port() {
        return listener.port();
    }

    /** The API endpoint, e.g. https://127.0.0.1:8092 (what drpcli calls RS_ENDPOINT). */
    public URI url() {
        return URI.create("https://" + HttpsListener.HOST + ":" + port());
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

    /** Stops serving; safe to call more than once. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        eventSocket.close();
        listener.close();
    }
}
