package dev.drpconsole.ui.setup;

import dev.drpconsole.core.connection.ActiveConnection;
import dev.drpconsole.core.connection.ConnectResult;
import dev.drpconsole.core.connection.DrpConnections;
import dev.drpconsole.core.connection.EndpointProfile;
import dev.drpconsole.core.connection.ProfileSource;
import dev.drpconsole.core.connection.SandboxLogin;
import dev.drpconsole.ui.connection.ConnectionDialogs;
import dev.drpconsole.ui.connection.EndpointSwitcherViewModel;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableObjectValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.stage.Window;

/**
 * The endpoint page's choices in the console: the same profiles, dialogs and sandbox as the endpoint switcher,
 * with the local sandbox listed first like the switcher's own entry for it.
 */
public final class ConsoleEndpointChoices implements EndpointChoices {
    /** Stands for the sandbox in the list until it has run once (its URL is known then). */
    private static final EndpointProfile SANDBOX_NOT_STARTED = new EndpointProfile("local-sandbox",
            DrpConnections.SANDBOX_PROFILE_NAME, List.of("https://127.0.0.1:8092"), EndpointProfile.DEFAULT_USERNAME,
            false, ProfileSource.LOCAL_SANDBOX);

    private final DrpConnections connections;
    private final EndpointSwitcherViewModel switcher;
    private final ConnectionDialogs dialogs;
    private final ObservableList<EndpointProfile> profiles = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<EndpointProfile> active = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SandboxLogin> sandboxLogin = new ReadOnlyObjectWrapper<>();

    /** Call on the FX thread. */
    public ConsoleEndpointChoices(DrpConnections connections, EndpointSwitcherViewModel switcher,
                                  ConnectionDialogs dialogs) {
        this.connections = connections;
        this.switcher = switcher;
        this.dialogs = dialogs;
        switcher.profiles().addListener((ListChangeListener<EndpointProfile>) change -> refresh());
        switcher.activeProperty().addListener((obs, old, now) -> refresh());
        connections.addConnectionListener(now -> Platform.runLater(this::refresh));
        refresh();
    }

    private void refresh() {
        sandboxLogin.set(connections.sandboxLogin().orElse(null));
        EndpointProfile sandbox = sandboxEntry();
        List<EndpointProfile> all = new java.util.ArrayList<>(List.of(sandbox));
        all.addAll(switcher.profiles());
        if (!profiles.equals(all)) {
            profiles.setAll(all);
        }
        Optional<EndpointProfile> now = Optional.ofNullable(switcher.activeProperty().get())
                .map(ActiveConnection::profile);
        active.set(now.map(profile -> profile.source() == ProfileSource.LOCAL_SANDBOX ? sandbox : profile)
                .orElse(null));
    }

    /** The sandbox's entry: the profile it is connected as, else one with the address it runs at. */
    private EndpointProfile sandboxEntry() {
        ActiveConnection now = switcher.activeProperty().get();
        if (now != null && now.profile().source() == ProfileSource.LOCAL_SANDBOX) {
            return now.profile();
        }
        SandboxLogin login = sandboxLogin.get();
        return login == null ? SANDBOX_NOT_STARTED : new EndpointProfile(SANDBOX_NOT_STARTED.id(),
                SANDBOX_NOT_STARTED.name(), List.of(login.url()), login.user(), false, ProfileSource.LOCAL_SANDBOX);
    }

    @Override
    public ObservableList<EndpointProfile> profiles() {
        return profiles;
    }

    @Override
    public ObservableObjectValue<EndpointProfile> active() {
        return active.getReadOnlyProperty();
    }

    @Override
    public ObservableObjectValue<SandboxLogin> sandboxLogin() {
        return sandboxLogin.getReadOnlyProperty();
    }

    @Override
    public CompletableFuture<ConnectResult> use(EndpointProfile profile, Window owner) {
        return askIfNeeded(connections.switchTo(profile), owner);
    }

    @Override
    public void newEndpoint(Window owner) {
        dialogs.open(owner, Optional.empty());
    }

    @Override
    public CompletableFuture<ConnectResult> startSandbox(Window owner) {
        return askIfNeeded(connections.connectLocalSandbox(), owner);
    }

    private CompletableFuture<ConnectResult> askIfNeeded(CompletableFuture<ConnectResult> attempt, Window owner) {
        return attempt.thenApply(result -> {
            if (result instanceof ConnectResult.PasswordNeeded || result instanceof ConnectResult.CertificateUntrusted) {
                Platform.runLater(() -> dialogs.resolve(owner, result));
            }
            return result;
        });
    }
}
