package dev.drpconsole.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drpconsole.core.connection.ActiveConnection;
import dev.drpconsole.core.connection.ConnectResult;
import dev.drpconsole.core.connection.DrpConnections;
import dev.drpconsole.core.connection.EndpointProfile;
import dev.drpconsole.core.connection.EndpointProfiles;
import dev.drpconsole.core.connection.FileTokenVault;
import dev.drpconsole.core.connection.OkHttpDrpClientFactory;
import dev.drpconsole.core.connection.ProfileSource;
import dev.drpconsole.core.connection.SandboxUnavailableException;
import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.drp.DrpClientOptions;
import dev.drpconsole.core.drp.DrpContext;
import dev.drpconsole.core.drp.DrpNotAllowedException;
import dev.drpconsole.core.drp.OkHttpDrpClient;
import dev.drpconsole.core.engine.DockerEngine;
import dev.drpconsole.core.engine.EngineEndpoint;
import dev.drpconsole.core.engine.EngineHandle;
import dev.drpconsole.core.status.ConnectionState;
import dev.drpconsole.sandbox.SandboxConfig;
import dev.drpconsole.sandbox.SandboxServer;
import dev.drpconsole.testsupport.SandboxAccess;
import dev.drpconsole.testsupport.TestEnv;
import dev.drpconsole.ui.PageTestSupport;
import dev.drpconsole.ui.common.ViewServices;
import dev.drpconsole.ui.jobs.JobsPage;
import dev.drpconsole.ui.logview.LogView;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Fault {@code token-revoked}: the token of a live session expires or is revoked. The console (its real connection
 * layer, {@link DrpConnections}, with the real client) is signed in to the sandbox as the user {@value #USER}, and the
 * real Jobs page (headless Monocle) follows a running job's log, which it reads every 200 ms: the busiest a console
 * gets with an endpoint. Three kinds of tries:
 * <ol>
 *   <li><b>expired</b> ({@value #EXPIRIES} tries): tokens live {@value #TTL_SECONDS} s, so one expires in each try
 *   (the sandbox truncates a token's end to the second, so requests meet expired tokens too, not only a renewal on
 *   time). Survives when the page keeps showing what happens with no user action: a line the job writes appears in
 *   its log, the page lists afresh when shown again, no problem banner, still connected;</li>
 *   <li><b>revoked</b> ({@value #REVOCATIONS} tries): an admin changes the user's password, which on DRP gives the
 *   user a new Secret and so kills every token issued before (DRP v4.7.0 models/user.go {@code ChangePassword};
 *   doc/arch/auth.rst "How Tokens Are Checked": a changed user Secret or an expired token is a 403). Survives when
 *   the console says once, in plain words, to sign in again (the connection's state; the pages say "not connected"),
 *   stops asking the endpoint (the requests the sandbox counts for the user, served or refused, over
 *   {@value #QUIET_SECONDS} s after the change: at most {@value #MAX_REQUESTS_AFTER_REVOCATION}, not a loop), and
 *   everything works again once the user signs in with the new password;</li>
 *   <li><b>role changed</b> ({@value #ROLE_CHANGES} tries): the user's role no longer allows changes. Survives when a
 *   change is refused as "Not allowed" naming the claim, while the session stays signed in and the page keeps
 *   following (reads are still allowed).</li>
 * </ol>
 * A job log line the page never shows counts as lost.
 */
@Tag("sandbox")
@Tag("display")
@Tag("engine")
class TokenRevokedFault {
    static final String FAULT = "token-revoked";
    private static final String USER = "operator";
    private static final int TTL_SECONDS = 2;
    private static final int EXPIRIES = 10;
    private static final int REVOCATIONS = 5;
    private static final int ROLE_CHANGES = 3;
    private static final int QUIET_SECONDS = 10;
    private static final int MAX_REQUESTS_AFTER_REVOCATION = 10;

    @TempDir
    Path work;
    private SandboxServer sandbox;
    private HttpClient http;
    private DrpConnections connections;
    private EndpointProfile profile;
    private JobsPage page;
    private String job;
    private final List<ConnectionState> states = new CopyOnWriteArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private long refusedAtStart;

    @Test
    void anExpiredTokenIsRenewedARevokedOneAsksToSignInAgainOnceAndARoleChangeIsNotAllowed() throws Exception {
        FaultTally tally = new FaultTally(FAULT);
        ExecutorService io = Executors.newCachedThreadPool(EndpointRestartedMidJobFault.daemon("token-fault-io"));
        sandbox = SandboxServer.start(SandboxConfig.inDataDir(Files.createDirectories(work.resolve("data")))
                .withPort(0).withoutRunners());
        http = SandboxAccess.httpClient(sandbox);
        try (EngineHandle engine = new EngineHandle(() -> DockerEngine.open(
                EngineEndpoint.of(TestEnv.get().dockerHost(), "test-env")))) {
            String password = "password-0";
            prepareEndpoint(password);
            FxToolkit.registerPrimaryStage();
            SimpleObjectProperty<DrpClient> client = new SimpleObjectProperty<>();
            openConsole(client, io);
            page = PageTestSupport.show(() -> new JobsPage(new ViewServices(client, engine, io, Platform::runLater,
                    (section, key) -> { })));
            signIn(password);
            for (int i = 1; i <= EXPIRIES; i++) {
                int number = i;
                tally.attempt("expiry " + i, () -> expiry(number));
            }
            for (int i = 1; i <= REVOCATIONS; i++) {
                String next = "password-" + i;
                int number = i;
                tally.attempt("revocation " + i, () -> revocation(number, next));
            }
            for (int i = 1; i <= ROLE_CHANGES; i++) {
                int number = i;
                tally.attempt("role change " + i, () -> roleChange(number));
            }
            FxToolkit.setupFixture(page::hidden);
            FxToolkit.cleanupStages();
        } finally {
            if (connections != null) {
                connections.close();
            }
            io.shutdownNow();
            sandbox.close();
        }
        notes.forEach(note -> System.out.println(FAULT + ": note: " + note));
        tally.report();
    }

    /** One token lifetime passes while the page follows the job; returns the lines it did not show (0 or 1). */
    private int expiry(int number) throws Exception {
        OkHttpDrpClient client = activeClient();
        String token = client.currentToken();
        if (number == 1) {
            refusedAtStart = counted("refused:user:" + USER);
        }
        String line = "expiry-line " + number;
        appendToJobLog(line);
        PageTestSupport.waitUntil("the token renewed", 10, () -> !token.equals(client.currentToken()));
        Thread.sleep(TTL_SECONDS * 1000L); // the old token is past its end; the page read on meanwhile
        FxToolkit.setupFixture(() -> {
            page.hidden();
            page.shown(); // lists afresh: a user switching pages
        });
        PageTestSupport.waitUntil("the page lists the job again", 10,
                () -> page.node().lookup("#jobs-table") != null && isShown(page.node().lookup("#jobs-table")));
        boolean shown = awaitLine(line, 10);
        assertEquals(ConnectionState.Kind.CONNECTED, connections.state().kind(), connections.state().toString());
        assertSame(client, activeClient(), "the same session: no sign-in asked of the user");
        assertEquals("", problemShown(), "no problem banner");
        if (number == EXPIRIES) {
            notes.add("expiries: " + (counted("refused:user:" + USER) - refusedAtStart) + " requests met an expired "
                    + "token (refused, then renewed and sent again) over the " + EXPIRIES + " tries");
        }
        return shown ? 0 : 1;
    }

    /** The user's password is changed by an admin while the page follows the job. */
    private int revocation(int number, String newPassword) throws Exception {
        int statesBefore = states.size();
        Map<String, Long> countsBefore = sandbox.requestsServed();
        admin("PUT", "users/" + USER + "/password", "{\"Password\":\"" + newPassword + "\"}");
        Thread.sleep(QUIET_SECONDS * 1000L);
        long requests = callerRequests(countsBefore);
        List<ConnectionState> after = new ArrayList<>(states.subList(statesBefore, states.size()));
        List<ConnectionState> signInAgain = after.stream()
                .filter(state -> state.kind() == ConnectionState.Kind.NOT_CONFIGURED).toList();
        assertEquals(1, signInAgain.size(), "one sign-in-again state, not " + after + " (and " + requests
                + " requests for " + USER + " in " + QUIET_SECONDS + " s after the revocation)");
        ConnectionState told = signInAgain.get(0);
        assertTrue((told.headline() + " " + told.fixHint()).contains("sign in again"),
                "plain words: " + told);
        assertEquals(told, connections.state(), "it stays so");
        assertTrue(connections.active().isEmpty(), "the session ended");
        PageTestSupport.waitUntil("the page says it is not connected", 5,
                () -> isShown(page.node().lookup("#jobs-not-connected")));
        assertTrue(requests <= MAX_REQUESTS_AFTER_REVOCATION, requests + " requests in " + QUIET_SECONDS
                + " s after the revocation");
        notes.add("revocation " + number + ": " + requests + " requests for " + USER + " in " + QUIET_SECONDS
                + " s after it; told: \"" + told.headline() + "\" / \"" + told.fixHint() + "\"");

        signIn(newPassword);
        String line = "after-sign-in-line " + number;
        appendToJobLog(line);
        return awaitLine(line, 10) ? 0 : 1;
    }

    /** The user's role is narrowed to reading: a change is "not allowed", the session and the page stay. */
    private int roleChange(int number) throws Exception {
        OkHttpDrpClient client = activeClient();
        admin("PUT", "users/" + USER, "{\"Name\":\"" + USER + "\",\"Roles\":[\"fault-reader\"]}");
        try {
            DrpNotAllowedException refused = assertThrows(DrpNotAllowedException.class, () -> client.create(
                    DrpContext.of("denied-" + number, DrpContext.DOCKER_CONTEXT, "img:1", "not allowed")));
            assertTrue(refused.getMessage().startsWith("Not allowed: your role lacks contexts create"),
                    refused.getMessage());
            assertEquals(ConnectionState.Kind.CONNECTED, connections.state().kind(), connections.state().toString());
            assertSame(client, activeClient(), "still signed in");
            String line = "reader-line " + number;
            appendToJobLog(line);
            return awaitLine(line, 10) ? 0 : 1;
        } finally {
            admin("PUT", "users/" + USER, "{\"Name\":\"" + USER + "\",\"Roles\":[\"superuser\"]}");
        }
    }

    private void prepareEndpoint(String password) throws Exception {
        admin("POST", "roles", "{\"Name\":\"fault-reader\",\"Claims\":[{\"scope\":\"*\",\"action\":\"list, get, log\","
                + "\"specific\":\"*\"}]}");
        admin("POST", "users", "{\"Name\":\"" + USER + "\",\"Roles\":[\"superuser\"]}");
        admin("PUT", "users/" + USER + "/password", "{\"Password\":\"" + password + "\"}");
        admin("POST", "tasks", "{\"Name\":\"token-task\",\"Templates\":[{\"Name\":\"t\",\"Contents\":\"sleep 1\"}]}");
        String machine = json(admin("POST", "machines", "{\"Name\":\"token-machine\",\"Tasks\":[\"token-task\"],"
                + "\"Runnable\":true}"), "Uuid");
        job = json(admin("POST", "jobs", "{\"Machine\":\"" + machine + "\"}"), "Uuid");
        admin("PATCH", "jobs/" + job, "[{\"op\":\"replace\",\"path\":\"/State\",\"value\":\"running\"}]");
        appendToJobLog("a job that runs for the whole fault");
    }

    private void openConsole(SimpleObjectProperty<DrpClient> client, ExecutorService io) {
        Path settings = work.resolve("settings");
        EndpointProfiles profiles = EndpointProfiles.load(settings, Runnable::run);
        connections = new DrpConnections(profiles, new FileTokenVault(settings.resolve("secrets")),
                SandboxAccess.pinned(sandbox), new OkHttpDrpClientFactory(DrpClientOptions.DEFAULTS
                .withTokenTtl(Duration.ofSeconds(TTL_SECONDS), 0.9)), () -> {
                    throw new SandboxUnavailableException("not in this fault");
                });
        connections.start(states::add);
        connections.addConnectionListener(active -> Platform.runLater(
                () -> client.set(active.map(ActiveConnection::client).orElse(null))));
        profile = new EndpointProfile(UUID.randomUUID().toString(), "Fault lab", List.of(SandboxAccess.url(sandbox)),
                USER, false, ProfileSource.USER);
    }

    /** Signs in as the user would in the connection dialog, and selects the running job on the page. */
    private void signIn(String password) throws Exception {
        ConnectResult result = connections.connect(profile, Optional.of(password)).get(30, TimeUnit.SECONDS);
        assertInstanceOf(ConnectResult.Connected.class, result, result.toString());
        PageTestSupport.waitUntil("the page lists the job", 10,
                () -> isShown(page.node().lookup("#jobs-table")));
        WaitForAsyncUtils.asyncFx(() -> page.reveal(job)).get();
    }

    private OkHttpDrpClient activeClient() {
        return (OkHttpDrpClient) connections.active().map(ActiveConnection::client).orElseThrow(
                () -> new AssertionError("not signed in: " + connections.state()));
    }

    private boolean awaitLine(String line, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (logShown().contains(line + "\n")) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    /** All the job log the page keeps, as "Save the log" writes it. */
    private String logShown() throws Exception {
        LogView log = WaitForAsyncUtils.asyncFx(() -> (LogView) page.node().lookup("#job-log")).get();
        Path file = Files.createTempFile(work, "log", ".txt");
        try {
            log.saveTo(file).get(10, TimeUnit.SECONDS);
            return Files.readString(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private String problemShown() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Node banner = page.node().lookup("#page-problem");
            Node text = page.node().lookup("#page-problem-text");
            return banner != null && isShown(banner) && text instanceof javafx.scene.control.Labeled labeled
                    ? labeled.getText() : "";
        }).get();
    }

    private static boolean isShown(Node node) {
        return node != null && PageTestSupport.isShown(node);
    }

    private void appendToJobLog(String line) throws Exception {
        admin("PUT", "jobs/" + job + "/log", line + "\n");
    }

    /** The requests the sandbox counted for the user since {@code before}, served or refused. */
    private long callerRequests(Map<String, Long> before) {
        Map<String, Long> now = sandbox.requestsServed();
        long served = now.getOrDefault("user:" + USER, 0L) - before.getOrDefault("user:" + USER, 0L);
        long refused = now.getOrDefault("refused:user:" + USER, 0L) - before.getOrDefault("refused:user:" + USER, 0L);
        return served + refused;
    }

    private long counted(String caller) {
        return sandbox.requestsServed().getOrDefault(caller, 0L);
    }

    private String admin(String method, String path, String body) throws Exception {
        boolean log = path.endsWith("/log");
        HttpRequest request = HttpRequest.newBuilder(URI.create(SandboxAccess.url(sandbox) + "/api/v3/" + path))
                .header("Authorization", SandboxAccess.adminAuthorization(sandbox))
                .header("Content-Type", log ? "application/octet-stream" : "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> reply = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() >= 300) {
            throw new AssertionError(method + " " + path + ": " + reply.statusCode() + " " + reply.body());
        }
        return reply.body();
    }

    private static String json(String body, String field) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).path(field).asText();
    }
}
