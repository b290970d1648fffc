package dev.drpconsole.ui.shell;

import dev.drpconsole.core.connection.ActiveConnection;
import dev.drpconsole.core.connection.ConnectResult;
import dev.drpconsole.core.connection.DrpConnections;
import dev.drpconsole.core.connection.ProfileSource;
import dev.drpconsole.core.settings.Settings;
import dev.drpconsole.core.status.ConnectionMonitor;
import dev.drpconsole.core.status.ConnectionState;
import dev.drpconsole.sandbox.LocalSandbox;
import dev.drpconsole.sandbox.SandboxStartException;
import dev.drpconsole.ui.theme.Theme;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * State of the main window: the section shown, the theme, the two connections in the status bar, and the
 * local sandbox the user can start (and connect to) from Setup.
 */
public class ShellViewModel {
    static final String SECTION_KEY = "shell.section";
    static final String THEME_KEY = "ui.theme";

    private final ConnectionMonitor engineMonitor;
    private final DrpConnections connections;
    private final LocalSandbox sandbox;
    private final Executor io;
    private final Executor fxThread;
    private final ObjectProperty<Section> section = new SimpleObjectProperty<>();
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<ConnectionState> engineState = new ReadOnlyObjectWrapper<>(
            ConnectionState.checking("Looking for a container engine…"));
    private final ReadOnlyObjectWrapper<ConnectionState> drpState = new ReadOnlyObjectWrapper<>(
            ConnectionState.notConfigured("DRP: not connected", "Open Setup to connect an endpoint"));
    private final ReadOnlyBooleanWrapper sandboxStartable = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper sandboxDetails = new ReadOnlyStringWrapper("");

    /**
     * @param connections the DRP connection (its state is the status bar's DRP entry)
     * @param sandbox     the console's own sandbox, which {@code connections} starts; asked here for its details
     * @param io          runs blocking work
     * @param fxThread    runs UI updates on the FX thread ({@code Platform::runLater} in the app,
     *                    a direct executor in tests)
     */
    public ShellViewModel(Settings settings, ConnectionMonitor engineMonitor, DrpConnections connections,
                          LocalSandbox sandbox, Executor io, Executor fxThread) {
        this.engineMonitor = engineMonitor;
        this.connections = connections;
        this.sandbox = sandbox;
        this.io = io;
        this.fxThread = fxThread;
        section.set(Section.byId(settings.get(SECTION_KEY, Section.SETUP.id())));
        theme.set(Theme.parse(settings.get(THEME_KEY, Theme.LIGHT.name())));
        section.addListener((obs, old, now) -> settings.put(SECTION_KEY, now.id()));
        theme.addListener((obs, old, now) -> settings.put(THEME_KEY, now.name()));
    }

    /** Starts the background checks; call after the window is shown. */
    public void start() {
        engineMonitor.start(state -> fxThread.execute(() -> engineState.set(state)));
        connections.start(state -> fxThread.execute(() -> drpState.set(state)));
        connections.addConnectionListener(active -> onConnectionChanged(active));
    }

    public void retryDrp() {
        connections.retry();
    }

    public void retryEngine() {
        engineState.set(ConnectionState.checking("Checking the container engine again…"));
        engineMonitor.retry();
    }

    /**
     * Starts the local sandbox in the background (if it is not running) and connects to it; the DRP status and
     * Setup tell how it went.
     */
    public void startSandbox() {
        sandboxStartable.set(false);
        connections.connectLocalSandbox().thenAccept(result -> {
            if (!(result instanceof ConnectResult.Connected)) {
                fxThread.execute(() -> sandboxStartable.set(true));
            }
        });
    }

    /** Called on the connection thread: Setup offers the sandbox unless it is the endpoint in use. */
    private void onConnectionChanged(Optional<ActiveConnection> active) {
        boolean onSandbox = active.filter(a -> a.profile().source() == ProfileSource.LOCAL_SANDBOX).isPresent();
        if (!onSandbox) {
            fxThread.execute(() -> sandboxStartable.set(true));
            return;
        }
        io.execute(() -> {
            try {
                LocalSandbox.Running running = sandbox.start(); // already running: just its details
                fxThread.execute(() -> showSandbox(running));
            } catch (SandboxStartException e) {
                // Cannot happen while connected to it; the status bar would say so anyway.
            }
        });
    }

    private void showSandbox(LocalSandbox.Running running) {
        String portNote = running.onDrpPort() ? "" : " (port 8092 was taken, so it uses another)";
        sandboxDetails.set("The local sandbox is running at " + running.url() + portNote + ".\n"
                + "Admin user " + running.adminUser() + ", password " + running.adminPassword()
                + " (kept in " + running.passwordFile() + ").\n"
                + "Certificate SHA-256 " + running.certificateSha256() + "\n"
                + "Try it: RS_ENDPOINT=" + running.url() + " RS_KEY=" + running.adminUser() + ":"
                + running.adminPassword() + " drpcli info get");
        sandboxStartable.set(false);
    }

    public void toggleTheme() {
        theme.set(theme.get().other());
    }

    public ObjectProperty<Section> sectionProperty() {
        return section;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public ReadOnlyObjectProperty<ConnectionState> engineStateProperty() {
        return engineState.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ConnectionState> drpStateProperty() {
        return drpState.getReadOnlyProperty();
    }

    /** Whether Setup may offer to start the sandbox (not while it starts or runs). */
    public ReadOnlyBooleanProperty sandboxStartableProperty() {
        return sandboxStartable.getReadOnlyProperty();
    }

    /** How to reach the running sandbox, for Setup; empty until it runs. */
    public ReadOnlyStringProperty sandboxDetailsProperty() {
        return sandboxDetails.getReadOnlyProperty();
    }

    public void close() {
        engineMonitor.close();
        connections.close();
        sandbox.close();
    }
}
