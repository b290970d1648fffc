package dev.drpconsole;

import dev.drpconsole.core.concurrent.TaskRunner;
import dev.drpconsole.core.connection.ConnectResult;
import dev.drpconsole.core.connection.DrpConnections;
import dev.drpconsole.core.connection.DrpcliSettings;
import dev.drpconsole.core.connection.EndpointProfiles;
import dev.drpconsole.core.connection.FileCertificatePins;
import dev.drpconsole.core.connection.OkHttpDrpClientFactory;
import dev.drpconsole.core.connection.StartupConnection;
import dev.drpconsole.core.connection.TokenVault;
import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.connection.ActiveConnection;
import dev.drpconsole.core.connection.EndpointProfile;
import dev.drpconsole.core.connection.RunnerEngines;
import dev.drpconsole.core.engine.DockerEngine;
import dev.drpconsole.core.engine.EngineChoice;
import dev.drpconsole.core.engine.EngineHandle;
import dev.drpconsole.core.setup.SetupTargets;
import dev.drpconsole.core.status.EngineMonitor;
import dev.drpconsole.sandbox.LocalSandbox;
import dev.drpconsole.sandbox.SandboxDataDir;
import dev.drpconsole.core.settings.Settings;
import dev.drpconsole.ui.common.SectionPage;
import dev.drpconsole.ui.connection.ConnectionDialogs;
import dev.drpconsole.ui.containers.ContainersPage;
import dev.drpconsole.ui.contexts.ContextsPage;
import dev.drpconsole.ui.jobs.JobsPage;
import dev.drpconsole.ui.setup.ConsoleEndpointChoices;
import dev.drpconsole.ui.setup.SetupPage;
import dev.drpconsole.ui.runners.RunnersPage;
import dev.drpconsole.ui.connection.EndpointSwitcher;
import dev.drpconsole.ui.connection.EndpointSwitcherViewModel;
import dev.drpconsole.ui.common.ViewServices;
import dev.drpconsole.ui.shell.Section;
import dev.drpconsole.ui.shell.ShellView;
import dev.drpconsole.ui.shell.ShellViewModel;
import dev.drpconsole.ui.theme.Theme;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds the services once and hands them to the views. Nothing here does
 * network or engine I/O before the window is shown; those checks start from {@code onShown}.
 */
public class ConsoleApp extends Application {
    /** Set to make the console quit right after its first window is shown (start-up benchmark). */
    static final String EXIT_AFTER_START = "drpconsole.exitAfterStart";
    private static final String WIDTH_KEY = "window.width";
    private static final String HEIGHT_KEY = "window.height";

    private final ExecutorService io = Executors.newCachedThreadPool(daemonThreads("io"));
    private Settings settings;
    private EndpointProfiles profiles;
    private Optional<DrpcliSettings> drpcli;
    private DrpConnections connections;
    /** The console's own sandbox, a peer it starts on demand (through LocalSandboxStarter) and stops on exit. */
    private LocalSandbox sandbox;
    private ConnectionDialogs dialogs;
    private EndpointSwitcherViewModel switcherModel;
    private Stage stage;
    private ShellViewModel shell;
    private ShellView shellView;
    /** The signed-in endpoint the views show; null while none. Changed on the FX thread only. */
    private final SimpleObjectProperty<DrpClient> client = new SimpleObjectProperty<>();
    /** This machine's engine, where the wizard builds. */
    private final EngineHandle buildEngine = new EngineHandle(DockerEngine::locate);
    /** Where the signed-in endpoint's plugin runs its runner containers; switched with the endpoint. */
    private final EngineHandle runnerEngine = EngineHandle.of(EngineChoice.NONE);

    @Override
    public void start(Stage primaryStage) {
        StartupTimes.start();
        stage = primaryStage;
        Map<String, String> env = System.getenv();
        Path settingsDir = Settings.defaultDirectory(env);
        settings = Settings.load(settingsDir, io);
        sandbox = new LocalSandbox(SandboxDataDir.forConsole());
        profiles = EndpointProfiles.load(settingsDir, io);
        drpcli = DrpcliSettings.read(env, Path.of(System.getProperty("user.home")));
        connections = new DrpConnections(profiles, TokenVault.preferred(settingsDir, env),
                FileCertificatePins.load(settingsDir), new OkHttpDrpClientFactory(), new LocalSandboxStarter(sandbox));
        // The runner engine switches first (off the FX thread: closing the old one may wait on its socket), so the
        // views that list again for the new client already watch the new endpoint's engine.
        connections.addConnectionListener(active -> {
            active.ifPresent(this::followRunnerEngine);
            Platform.runLater(() -> client.set(active.map(ActiveConnection::client).orElse(null)));
        });
        profiles.addListener(() -> io.execute(() -> connections.active().ifPresent(this::followRunnerEngine)));
        TaskRunner tasks = new TaskRunner(io, Platform::runLater);
        dialogs = new ConnectionDialogs(connections, profiles, drpcli, tasks);
        shell = new ShellViewModel(settings, EngineMonitor.sharing(buildEngine, EngineMonitor.Role.BUILD),
                EngineMonitor.sharing(runnerEngine, EngineMonitor.Role.RUNNERS), connections, tasks);
        shell.themeProperty().get().apply();
        shell.themeProperty().addListener((obs, old, now) -> now.apply());

        ViewServices services = new ViewServices(client, runnerEngine, buildEngine, io, Platform::runLater,
                (sectionId, key) -> shellView.show(sectionId, key));
        switcherModel = new EndpointSwitcherViewModel(connections, profiles, tasks);
        EndpointSwitcher switcher = new EndpointSwitcher(switcherModel, dialogs);
        shellView = new ShellView(shell, section -> featurePage(section, services, settingsDir), switcher);
        // The size used last (or the default), but never larger than the screen: on a 1024x640 display the window
        // would otherwise open with its buttons and status bar off the screen.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(shellView,
                Math.min(Double.parseDouble(settings.get(WIDTH_KEY, "1180")), screen.getWidth()),
                Math.min(Double.parseDouble(settings.get(HEIGHT_KEY, "740")), screen.getHeight()));
        scene.getStylesheets().add(Theme.CONSOLE_CSS);
        stage.setTitle("DRP Context Console");
        stage.getIcons().add(new Image(ConsoleApp.class.getResource("ui/theme/icon-64.png").toExternalForm(), true));
        stage.setMinWidth(760);
        stage.setMinHeight(480);
        stage.setScene(scene);
        stage.setOnShown(e -> onShown());
        StartupTimes.built();
        stage.show();
    }

    /** Watches the runner engine the active endpoint's profile names now (it may have been edited since). */
    private void followRunnerEngine(ActiveConnection active) {
        EndpointProfile profile = profiles.byId(active.profile().id()).orElse(active.profile());
        runnerEngine.use(RunnerEngines.effective(profile, connections.sandboxLogin()));
    }

    /** The feature view of a section, built on its first visit. */
    private SectionPage featurePage(Section section, ViewServices services, Path settingsDir) {
        return switch (section) {
            case SETUP -> new SetupPage(services, new ConsoleEndpointChoices(connections, switcherModel, dialogs), settingsDir,
                    Map.of(SetupTargets.LABEL, "true"));
            case CONTEXTS -> new ContextsPage(services);
            case RUNNERS -> new RunnersPage(services);
            case CONTAINERS -> new ContainersPage(services);
            case JOBS -> new JobsPage(services);
        };
    }

    private void onShown() {
        LoggerFactory.getLogger(ConsoleApp.class).info(StartupTimes.shown());
        if (Boolean.getBoolean(EXIT_AFTER_START)) {
            Platform.exit();
            return;
        }
        shell.start();
        openWhatTheCommandLineAsks();
        // RS_* variables, else the endpoint used last, else the local sandbox: a new user has something at once.
        new StartupConnection(connections, profiles, drpcli).connect().whenComplete((result, error) -> {
            if (error != null) {
                LoggerFactory.getLogger(ConsoleApp.class).error("Connecting at start-up failed", error);
            } else {
                askUserIfNeeded(result);
            }
        });
    }

    /**
     * {@code --show SECTION[/KEY]} opens the console on a section and, given a key, that object: e.g. {@code --show
     * jobs/<job uuid>} to follow a job's output, {@code --show runners}. The key is selected once it is listed.
     */
    private void openWhatTheCommandLineAsks() {
        List<String> args = getParameters().getRaw();
        int at = args.indexOf("--show");
        if (at < 0 || at + 1 >= args.size()) {
            return;
        }
        String[] target = args.get(at + 1).split("/", 2);
        List<String> ids = Arrays.stream(Section.values()).map(Section::id).toList();
        if (!ids.contains(target[0])) {
            LoggerFactory.getLogger(ConsoleApp.class).warn("--show {}: no such section; one of {}", args.get(at + 1),
                    String.join(", ", ids));
            return;
        }
        if (target.length > 1 && !target[1].isBlank()) {
            shellView.show(target[0], target[1]);
        } else {
            shell.sectionProperty().set(Section.byId(target[0]));
        }
    }

    /** A start-up connection that needs a password or a trust decision opens the connection dialog. */
    private void askUserIfNeeded(ConnectResult result) {
        if (result instanceof ConnectResult.PasswordNeeded || result instanceof ConnectResult.CertificateUntrusted) {
            Platform.runLater(() -> dialogs.resolve(stage, result));
        }
    }

    @Override
    public void stop() throws InterruptedException {
        if (shell != null) {
            shellView.close();
            shell.close();
            sandbox.close();
            runnerEngine.close();
            buildEngine.close();
            // Remembered once, on the way out: a drag-resize would otherwise rewrite the file per pixel.
            settings.put(WIDTH_KEY, fmt(stage.getWidth()));
            settings.put(HEIGHT_KEY, fmt(stage.getHeight()));
        }
        io.shutdown(); // lets the last settings write finish
        if (!io.awaitTermination(2, TimeUnit.SECONDS)) {
            io.shutdownNow();
        }
    }

    private static String fmt(Number size) {
        return Long.toString(Math.round(size.doubleValue()));
    }

    private static java.util.concurrent.ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
