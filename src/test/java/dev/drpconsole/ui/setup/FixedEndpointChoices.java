package dev.drpconsole.ui.setup;

import dev.drpconsole.core.connection.ConnectResult;
import dev.drpconsole.core.connection.EndpointProfile;
import dev.drpconsole.core.connection.SandboxLogin;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableObjectValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.stage.Window;

/**
 * Endpoint choices for wizard tests and demos that hand the page a connected client themselves: nothing to pick
 * but the endpoint in use, and the sandbox's sign-in when the page should show it.
 */
final class FixedEndpointChoices implements EndpointChoices {
    private final SimpleObjectProperty<EndpointProfile> active = new SimpleObjectProperty<>();
    private final SimpleObjectProperty<SandboxLogin> login = new SimpleObjectProperty<>();
    private final ObservableList<EndpointProfile> profiles = FXCollections.observableArrayList();

    /** Nothing to pick, no sandbox. */
    FixedEndpointChoices() {
    }

    /** The console's sandbox, in use as {@code profile}. */
    FixedEndpointChoices(EndpointProfile profile, SandboxLogin sandbox) {
        active.set(profile);
        login.set(sandbox);
        profiles.add(profile);
    }

    @Override
    public ObservableList<EndpointProfile> profiles() {
        return profiles;
    }

    @Override
    public ObservableObjectValue<EndpointProfile> active() {
        return active;
    }

    @Override
    public ObservableObjectValue<SandboxLogin> sandboxLogin() {
        return login;
    }

    @Override
    public CompletableFuture<ConnectResult> use(EndpointProfile profile, Window owner) {
        return new CompletableFuture<>();
    }

    @Override
    public void newEndpoint(Window owner) {
    }

    @Override
    public CompletableFuture<ConnectResult> startSandbox(Window owner) {
        return new CompletableFuture<>();
    }
}
