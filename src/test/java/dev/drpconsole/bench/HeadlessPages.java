package dev.drpconsole.bench;

import dev.drpconsole.ui.common.SectionPage;
import dev.drpconsole.ui.theme.Theme;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The console's pages in a window, for the view benchmarks: on an X display as the console draws (GTK, software
 * rendering without a GPU), or in the headless toolkit (Monocle), which composes every frame's pixels on the FX
 * thread and so costs that thread more than a real window does.
 */
final class HeadlessPages {
    private HeadlessPages() {
    }

    /**
     * Starts the JavaFX toolkit on an X display as the console runs: DISPLAY, else an Xvfb of its own on
     * {@code xvfbNumber}; {@code -Dbench.headless=true} for Monocle instead. Returns once it runs.
     */
    static void startToolkitOnDisplay(int xvfbNumber) throws Exception {
        if (Boolean.getBoolean("bench.headless")) {
            startToolkit(true);
            return;
        }
        if (System.getenv("DISPLAY") == null) {
            Display display = Display.openForThisJvm(xvfbNumber); // ends with this JVM's X connection
            dev.drpconsole.SoftwareRendering.setenv("DISPLAY", display.name()); // read by GTK, not by Java
        }
        dev.drpconsole.SoftwareRendering.chooseIfNoGpu();
        startToolkit(false);
    }

    /** Starts the JavaFX toolkit headless; returns once it runs. */
    static void startToolkit() throws InterruptedException {
        startToolkit(true);
    }

    /** @param headless false to use the real display instead (to watch a benchmark) */
    static void startToolkit(boolean headless) throws InterruptedException {
        if (headless) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
        }
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
    }

    /** Background threads for the pages' I/O, which never keep the benchmark's JVM alive. */
    static ExecutorService io() {
        return Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "bench-io");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Shows the page in a window of the console's size and theme; call on the FX thread. */
    static Scene show(SectionPage page) {
        Stage stage = new Stage();
        Theme.LIGHT.apply();
        Scene scene = new Scene((Parent) page.node(), 1180, 740);
        scene.getStylesheets().add(Theme.CONSOLE_CSS);
        stage.setScene(scene);
        stage.show();
        return scene;
    }

    /** Runs the work on the FX thread and waits for its result. */
    static <T> T onFx(Callable<T> work) throws Exception {
        FutureTask<T> task = new FutureTask<>(work);
        Platform.runLater(task);
        return task.get(60, TimeUnit.SECONDS);
    }
}
