package dev.drpconsole.ui.connection;

import dev.drpconsole.core.concurrent.AwaitedFuture;
import dev.drpconsole.core.concurrent.BackgroundTask;
import dev.drpconsole.core.concurrent.TaskRunner;
import dev.drpconsole.core.concurrent.TaskSlot;
import dev.drpconsole.core.connection.ActiveConnection;
import dev.drpconsole.core.connection.ConnectResult;
import dev.drpconsole.core.connection.DrpConnections;
import dev.drpconsole.core.connection.EndpointProfile;
import dev.drpconsole.core.connection.EndpointProfiles;
import dev.drpconsole.core.connection.ProfileSource;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
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
    private final TaskRunner tasks;
    /** The latest switch: only its outcome may ask the user anything (an older one's password prompt is stale). */
    private final TaskSlot switching = new TaskSlot();
    private final ObservableList<EndpointProfile> userProfiles = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ActiveConnection> active = new ReadOnlyObjectWrapper<>();
    private Consumer<ConnectResult> onNeedsUser = result -> { };
    private final StringBinding label;
    private final BooleanBinding insecure;
    private final BooleanBinding unencrypted;

    /**
     * @param tasks waits for switches and hands their outcome, and changes of profiles and connection, to the UI
     *              thread ({@link TaskRunner#inline()} in tests)
     */
    public EndpointSwitcherViewModel(DrpConnections connections, EndpointProfiles profiles, TaskRunner tasks) {
        this.connections = connections;
        this.profiles = profiles;
        this.tasks = tasks;
        label = Bindings.createStringBinding(() -> active.get() == null ? "Not connected"
                : active.get().profile().name(), active);
        insecure = Bindings.createBooleanBinding(() -> active.get() != null && active.get().insecure(), active);
        unencrypted = Bindings.createBooleanBinding(() -> active.get() != null && active.get().unencrypted(), active);
        refreshProfiles();
        profiles.addListener(() -> tasks.ui().execute(this::refreshProfiles));
        connections.addConnectionListener(now -> tasks.ui().execute(() -> active.set(now.orElse(null))));
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

    /** {@code attempt} was started on the UI thread, so DrpConnections runs the switches in the user's order. */
    private void follow(CompletableFuture<ConnectResult> attempt) {
        BackgroundTask.wrap(AwaitedFuture.of(attempt)).in(switching).onSuccess(result -> {
            // Failures of other kinds are told by the status bar; these two need the user's answer.
            if (result instanceof ConnectResult.PasswordNeeded || result instanceof ConnectResult.CertificateUntrusted) {
                onNeedsUser.accept(result);
            }
        }).executeWith(tasks);
    }

    /** Told (on the FX thread) of a switch that needs the user: the view opens the connection dialog for it. */
    public void setOnNeedsUser(Consumer<ConnectResult> handler) {
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
