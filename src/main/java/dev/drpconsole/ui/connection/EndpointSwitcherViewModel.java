package dev.drpconsole.ui.connection;

import dev.drpconsole.core.connection.ActiveConnection;
import dev.drpconsole.core.connection.ConnectResult;
import dev.drpconsole.core.connection.DrpConnections;
import dev.drpconsole.core.connection.EndpointProfile;
import dev.drpconsole.core.connection.EndpointProfiles;
import dev.drpconsole.core.connection.ProfileSource;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The endpoint menu: the saved profiles, which one is active (and whether it is insecure), and switching between
 * them. A switch that needs the user (a password, a certificate to trust) is handed to the view through
 * {@link #setOnNeedsUser}, which opens the connection dialog for it.
 */
public class EndpointSwitcherViewModel {
    private final DrpConnections connections;
    private final EndpointProfiles profiles;
    private final Executor fxThread;
    private final ObservableList<EndpointProfile> userProfiles = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ActiveConnection> active = new ReadOnlyObjectWrapper<>();
    private java.util.function.Consumer<ConnectResult> onNeedsUser = result -> { };
    private final StringBinding label;
    private final BooleanBinding insecure;
    private final BooleanBinding unencrypted;

    /** @param fxThread runs updates on the FX thread ({@code Platform::runLater}; a direct executor in tests) */
    public EndpointSwitcherViewModel(DrpConnections connections, EndpointProfiles profiles, Executor fxThread) {
        this.connections = connections;
        this.profiles = profiles;
        this.fxThread = fxThread;
        label = Bindings.createStringBinding(() -> active.get() == null ? "Not connected"
                : active.get().profile().name(), active);
        insecure = Bindings.createBooleanBinding(() -> active.get() != null && active.get().insecure(), active);
        unencrypted = Bindings.createBooleanBinding(() -> active.get() != null && active.get().unencrypted(), active);
        refreshProfiles();
        profiles.addListener(() -> fxThread.execute(this::refreshProfiles));
        connections.addConnectionListener(now -> fxThread.execute(() -> active.set(now.orElse(null))));
    }

    private void refreshProfiles() {
        userProfiles.setAll(profiles.all().stream()
                .filter(profile -> profile.source() != ProfileSource.LOCAL_SANDBOX).toList());
    }

    /** The profiles to list by name; the local sandbox has an entry of its own. */
    public ObservableList<EndpointProfile> profiles() {
        return userProfiles;
    }

    public boolean isActive(EndpointProfile profile) {
        return active.get() != null && active.get().profile().id().equals(profile.id());
    }

    public boolean isSandboxActive() {
        return active.get() != null && active.get().profile().source() == ProfileSource.LOCAL_SANDBOX;
    }

    /** The active profile when the user may edit or remove it (not the console's own sandbox). */
    public Optional<EndpointProfile> editableActive() {
        return Optional.ofNullable(active.get()).map(ActiveConnection::profile)
                .filter(profile -> profile.source() != ProfileSource.LOCAL_SANDBOX);
    }

    public void switchTo(EndpointProfile profile) {
        follow(connections.switchTo(profile));
    }

    public void useLocalSandbox() {
        follow(connections.connectLocalSandbox());
    }

    public void remove(EndpointProfile profile) {
        connections.remove(profile);
    }

    private void follow(java.util.concurrent.CompletableFuture<ConnectResult> attempt) {
        attempt.thenAccept(result -> fxThread.execute(() -> {
            // Failures of other kinds are told by the status bar; these two need the user's answer.
            if (result instanceof ConnectResult.PasswordNeeded || result instanceof ConnectResult.CertificateUntrusted) {
                onNeedsUser.accept(result);
            }
        }));
    }

    /** Told (on the FX thread) of a switch that needs the user: the view opens the connection dialog for it. */
    public void setOnNeedsUser(java.util.function.Consumer<ConnectResult> handler) {
        onNeedsUser = handler;
    }

    public ReadOnlyObjectProperty<ActiveConnection> activeProperty() {
        return active.getReadOnlyProperty();
    }

    /** The active profile's name, or "Not connected". */
    public StringBinding labelProperty() {
        return label;
    }

    public BooleanBinding insecureProperty() {
        return insecure;
    }

    /** Signed in over plain http://: the password and token cross the network in clear text. */
    public BooleanBinding unencryptedProperty() {
        return unencrypted;
    }
}
