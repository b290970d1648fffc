package dev.drpconsole.ui.shell;

import dev.drpconsole.core.concurrent.TaskRunner;
import dev.drpconsole.core.settings.Settings;
import dev.drpconsole.core.status.ConnectionMonitor;
import dev.drpconsole.core.status.ConnectionState;
import dev.drpconsole.ui.theme.Theme;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * State of the main window: the section shown, the theme, and the connections in the status bar: DRP, the build
 * engine (this machine's) and the runner engine (the signed-in endpoint's, which follows the endpoint).
 */
public class ShellViewModel {
    static final String SECTION_KEY = "shell.section";
    static final String THEME_KEY = "ui.theme";

    private final ConnectionMonitor engineMonitor;
    private final ConnectionMonitor runnerMonitor;
    private final ConnectionMonitor connections;
    private final TaskRunner tasks;
    private final ObjectProperty<Section> section = new SimpleObjectProperty<>();
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<ConnectionState> engineState = new ReadOnlyObjectWrapper<>(
            ConnectionState.checking("Looking for a container engine…"));
    private final ReadOnlyObjectWrapper<ConnectionState> runnerEngineState = new ReadOnlyObjectWrapper<>(
            ConnectionState.checking("Runner engine: looking for it…"));
    private final ReadOnlyObjectWrapper<ConnectionState> drpState = new ReadOnlyObjectWrapper<>(
            ConnectionState.notConfigured("DRP: not connected", "Open Setup to connect an endpoint"));

    /**
     * @param engineMonitor the build engine, this machine's
     * @param runnerMonitor the runner engine of the endpoint signed in to
     * @param connections   the DRP connection ({@code DrpConnections}; its state is the status bar's DRP entry)
     * @param tasks         hands the monitors' reports to the UI thread ({@link TaskRunner#inline()} in tests)
     */
    public ShellViewModel(Settings settings, ConnectionMonitor engineMonitor, ConnectionMonitor runnerMonitor,
                          ConnectionMonitor connections, TaskRunner tasks) {
        this.engineMonitor = engineMonitor;
        this.runnerMonitor = runnerMonitor;
        this.connections = connections;
        this.tasks = tasks;
        section.set(Section.byId(settings.get(SECTION_KEY, Section.SETUP.id())));
        theme.set(Theme.parse(settings.get(THEME_KEY, Theme.LIGHT.name())));
        section.addListener((obs, old, now) -> settings.put(SECTION_KEY, now.id()));
        theme.addListener((obs, old, now) -> settings.put(THEME_KEY, now.name()));
    }

    /** Starts the background checks; call after the window is shown. */
    public void start() {
        engineMonitor.start(state -> tasks.ui().execute(() -> engineState.set(state)));
        runnerMonitor.start(state -> tasks.ui().execute(() -> runnerEngineState.set(state)));
        connections.start(state -> tasks.ui().execute(() -> drpState.set(state)));
    }

    public void retryDrp() {
        connections.retry();
    }

    public void retryEngine() {
        engineState.set(ConnectionState.checking("Checking the container engine again…"));
        engineMonitor.retry();
    }

    public void retryRunnerEngine() {
        runnerEngineState.set(ConnectionState.checking("Checking the runner engine again…"));
        runnerMonitor.retry();
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

    public ReadOnlyObjectProperty<ConnectionState> runnerEngineStateProperty() {
        return runnerEngineState.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ConnectionState> drpStateProperty() {
        return drpState.getReadOnlyProperty();
    }

    public void close() {
        engineMonitor.close();
        runnerMonitor.close();
        connections.close();
    }
}
