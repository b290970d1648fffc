package dev.drpconsole.ui.contexts;

import static dev.drpconsole.ui.PageTestSupport.cell;
import static dev.drpconsole.ui.PageTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drpconsole.core.connection.ConnectResult;
import dev.drpconsole.core.connection.DrpConnections;
import dev.drpconsole.core.connection.EndpointProfile;
import dev.drpconsole.core.connection.EndpointProfiles;
import dev.drpconsole.core.connection.FileCertificatePins;
import dev.drpconsole.core.connection.FileTokenVault;
import dev.drpconsole.core.connection.OkHttpDrpClientFactory;
import dev.drpconsole.core.connection.ProfileSource;
import dev.drpconsole.core.connection.SandboxUnavailableException;
import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.drp.DrpContext;
import dev.drpconsole.core.drp.DrpType;
import dev.drpconsole.core.drp.Filter;
import dev.drpconsole.core.status.ConnectionState;
import dev.drpconsole.testsupport.SandboxAccess;
import dev.drpconsole.testsupport.SandboxSession;
import dev.drpconsole.ui.PageTestSupport;
import dev.drpconsole.ui.ViewHarness;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * Issue 13's check for C.11, the whole way: a user whose role may only list and get signs in with the console's
 * real connection code, sees the contexts, is told that deleting one is not allowed and which claim it lacks, and
 * stays signed in (a 403 is not "signed out").
 */
@Tag("sandbox")
@Tag("display")
class ReadOnlyUserTest extends FxRobot {
    private static final String READER_PASSWORD = "read-only-pw";

    @TempDir
    Path dataDir;
    @TempDir
    Path settingsDir;

    private SandboxSession sandbox;
    private DrpConnections connections;
    private ViewHarness harness;
    private ContextsPage page;

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        if (page != null) {
            interact(page::hidden);
        }
        if (harness != null) {
            harness.close();
        }
        if (connections != null) {
            connections.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void aReadOnlyUserSeesTheContextsIsToldDeletingIsNotAllowedWithTheClaimAndStaysSignedIn() throws Exception {
        sandbox = SandboxSession.start(dataDir, false);
        DrpClient admin = sandbox.connect();
        admin.create(DrpContext.of("kept", DrpContext.DOCKER_CONTEXT, "img:1", "the reader may not delete it"));
        asAdmin("POST", "roles", "{\"Name\":\"reader\",\"Claims\":[{\"scope\":\"contexts, machines, info\","
                + "\"action\":\"list, get\",\"specific\":\"*\"}]}");
        asAdmin("POST", "users", "{\"Name\":\"reader\",\"Roles\":[\"reader\"]}");
        asAdmin("PUT", "users/reader/password", "{\"Password\":\"" + READER_PASSWORD + "\"}");

        EndpointProfiles profiles = EndpointProfiles.load(settingsDir, Runnable::run);
        FileCertificatePins pins = FileCertificatePins.load(settingsDir);
        pins.pin(SandboxAccess.hostPort(sandbox.server()), sandbox.server().certificate().sha256Fingerprint());
        connections = new DrpConnections(profiles, new FileTokenVault(settingsDir.resolve("secrets")), pins,
                new OkHttpDrpClientFactory(), () -> {
                    throw new SandboxUnavailableException("this test runs its own sandbox");
                });
        EndpointProfile lab = EndpointProfile.create("Lab", List.of(SandboxAccess.url(sandbox.server())), "reader",
                false, ProfileSource.USER);
        profiles.save(lab);
        ConnectResult.Connected connected = assertInstanceOf(ConnectResult.Connected.class,
                connections.connect(lab, Optional.of(READER_PASSWORD)).get(20, TimeUnit.SECONDS));

        harness = new ViewHarness(sandbox.engine());
        harness.client.set(connected.connection().client());
        page = PageTestSupport.show(() -> new ContextsPage(harness.services()));
        waitUntil("the reader sees the context", 10, () -> cell(table(), "kept", "contexts-col-image") != null);

        interact(() -> table().getSelectionModel().select(0));
        clickOn("#contexts-delete");
        clickOn("#contexts-delete-confirm");

        waitUntil("the page says deleting is not allowed", 10,
                () -> lookup("#page-problem-text").tryQuery().isPresent()
                        && lookup("#page-problem-text").queryAs(Label.class).getText().contains("Not allowed"));
        String said = lookup("#page-problem-text").queryAs(Label.class).getText();
        assertTrue(said.contains("contexts") && said.contains("delete"), "names the missing claim: " + said);
        assertTrue(admin.get(DrpType.CONTEXTS, "kept").isPresent(), "the context is still there");
        assertEquals(ConnectionState.Kind.CONNECTED, connections.state().kind(), connections.state().toString());
        assertTrue(connections.active().isPresent(), "still signed in");
        assertEquals(List.of("kept"), connected.connection().client().list(DrpType.CONTEXTS,
                Filter.ALL).stream().map(DrpContext::name).toList(), "the token still works");
    }

    private void asAdmin(String method, String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(SandboxAccess.url(sandbox.server()) + "/api/v3/"
                        + path))
                .header("Authorization", SandboxAccess.adminAuthorization(sandbox.server()))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> response = SandboxAccess.httpClient(sandbox.server()).send(request,
                HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() < 300, path + ": " + response.statusCode() + " " + response.body());
    }

    @SuppressWarnings("unchecked")
    private TableView<ContextRow> table() {
        return lookup("#contexts-table").queryAs(TableView.class);
    }
}
