package dev.drpconsole;

import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.engine.DockerEngine;
import dev.drpconsole.core.engine.EngineHandle;
import dev.drpconsole.core.status.EngineMonitor;
import dev.drpconsole.sandbox.LocalSandbox;
import dev.drpconsole.sandbox.SandboxDataDir;
import dev.drpconsole.core.settings.Settings;
import dev.drpconsole.ui.common.SectionPage;
import dev.drpconsole.ui.common.ViewServices;
import dev.drpconsole.ui.shell.Section;
import dev.drpconsole.ui.shell.ShellView;
import dev.drpconsole.ui.shell.ShellViewModel;
import dev.drpconsole.ui.theme.Theme;
import java.lang.management.ManagementFactory;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds the services once and hands them to the views. Nothing here does
 * network or engine I/O before the window is shown; those checks start from {@code onShown}.
 */
public class ConsoleApp extends Application {
    /** Set to make the console quit right after its first window is shown (start-up benchmark). */
    static final String EXIT_AFTER_START = "drpconsole.exitAfterStart";
    /** The DRP endpoint the user configured; none yet means the local sandbox. */
    static final String ENDPOINT_KEY = "drp.endpoint";
    private static final String WIDTH_KEY = "window.width";
    private static final String HEIGHT_KEY = "window.height";

    private final ExecutorService io = Executors.newCachedThreadPool(daemonThreads("io"));
    private Settings settings;
    private Stage stage;
    private ShellViewModel shell;
    private ShellView shellView;
    /** The signed-in endpoint the views show; null while none. Changed on the FX thread only. */
    private final SimpleObjectProperty<DrpClient> client = new SimpleObjectProperty<>();
    private final EngineHandle engine = new EngineHandle(DockerEngine::locate);

    @Override
    public void start(Stage primaryStage) {
        stage = primaryStage;
        settings = Settings.load(Settings.defaultDirectory(System.getenv()), io);
        shell = new ShellViewModel(settings, new EngineMonitor(DockerEngine::locate),
                new LocalSandbox(SandboxDataDir.forConsole()), io, Platform::runLater);
        shell.themeProperty().get().apply();
        shell.themeProperty().addListener((obs, old, now) -> now.apply());

        ViewServices services = new ViewServices(client, engine, io, Platform::runLater,
                (sectionId, key) -> shellView.show(sectionId, key));
        shellView = new ShellView(shell, section -> featurePage(section, services));
        Scene scene = new Scene(shellView,
                Double.parseDouble(settings.get(WIDTH_KEY, "1180")),
                Double.parseDouble(settings.get(HEIGHT_KEY, "740")));
        scene.getStylesheets().add(Theme.CONSOLE_CSS);
        stage.setTitle("DRP Context Console");
        stage.getIcons().add(new Image(ConsoleApp.class.getResource("ui/theme/icon-64.png").toExternalForm(), true));
        stage.setMinWidth(760);
        stage.setMinHeight(480);
        stage.setScene(scene);
        stage.setOnShown(e -> onShown());
        stage.show();
    }

    /** The feature view of a section, built on its first visit; null while a section has none. */
    private static SectionPage featurePage(Section section, ViewServices services) {
        return null;
    }

    private void onShown() {
        long startedMs = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        LoggerFactory.getLogger(ConsoleApp.class).info("Started in {} ms", startedMs);
        if (Boolean.getBoolean(EXIT_AFTER_START)) {
            Platform.exit();
            return;
        }
        shell.start();
        if (settings.get(ENDPOINT_KEY).isEmpty()) {
            // No endpoint configured: the local sandbox is the default, so a new user has something to work with.
            shell.startSandbox();
        }
    }

    @Override
    public void stop() throws InterruptedException {
        if (shell != null) {
            shellView.close();
            shell.close();
            engine.close();
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
