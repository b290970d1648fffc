package dev.drpconsole.ui.demo;

import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.drp.DrpType;
import dev.drpconsole.core.drp.Filter;
import dev.drpconsole.core.drp.Job;
import dev.drpconsole.core.drp.Machine;
import dev.drpconsole.core.engine.DockerEngine;
import dev.drpconsole.core.engine.EngineHandle;
import dev.drpconsole.sandbox.RunnerSandbox;
import dev.drpconsole.ui.common.SectionPage;
import dev.drpconsole.ui.common.ViewServices;
import dev.drpconsole.ui.containers.ContainersPage;
import dev.drpconsole.ui.jobs.JobsPage;
import dev.drpconsole.ui.theme.Theme;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Shows the Containers or Jobs page with real data, for looking at it (and screenshots): starts the sandbox with
 * runners on the local engine, creates a runner machine, runs the demo workflow on another machine, then opens the
 * page in a window with the app's theme and stylesheet and selects the interesting row.
 *
 * <p>Arguments: {@code containers|jobs}, {@code light|dark}, optionally the window width, and {@code inspect} to
 * show the container's inspection instead of its log. Run it from the project directory after
 * {@code mvn test-compile} (it reads {@code target/test-env.properties}).
 */
public final class ViewsDemo {
    private final ExecutorService io = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "demo-io");
        thread.setDaemon(true);
        return thread;
    });
    private final SimpleObjectProperty<DrpClient> client = new SimpleObjectProperty<>();
    private volatile RunnerSandbox sandbox;
    private volatile boolean inspect;

    /** Not an Application subclass: started from the class path, JavaFX refuses to launch those. */
    public static void main(String[] args) {
        ViewsDemo demo = new ViewsDemo();
        Runtime.getRuntime().addShutdownHook(new Thread(demo::stop));
        Platform.startup(() -> demo.start(new Stage(), List.of(args)));
    }

    private void start(Stage stage, List<String> args) {
        boolean jobs = !args.isEmpty() && args.get(0).equals("jobs");
        (args.size() > 1 && args.get(1).equals("dark") ? Theme.DARK : Theme.LIGHT).apply();
        EngineHandle engine = new EngineHandle(DockerEngine::locate);
        ViewServices services = new ViewServices(client, engine, io, Platform::runLater, (section, key) -> { });
        SectionPage page = jobs ? new JobsPage(services) : new ContainersPage(services);
        // The shell's content area is about 930 px wide in its default window: worth a look too.
        double width = args.size() > 2 ? Double.parseDouble(args.get(2)) : 1180;
        Scene scene = new Scene((Parent) page.node(), width, 740);
        scene.getStylesheets().add(Theme.CONSOLE_CSS);
        stage.setTitle("DRP Context Console — " + (jobs ? "Jobs" : "Containers"));
        stage.setScene(scene);
        stage.show();
        page.shown();
        inspect = args.contains("inspect");
        io.execute(() -> prepare(page, jobs));
    }

    private void prepare(SectionPage page, boolean jobs) {
        try {
            sandbox = RunnerSandbox.start(Files.createTempDirectory("views-demo"));
            Platform.runLater(() -> client.set(sandbox.client()));
            Machine runner = sandbox.createRunner("context-runner");
            Machine example = sandbox.runDemoWorkflow("example");
            if (jobs) {
                Thread.sleep(1500);
                Job demo = sandbox.client().list(DrpType.JOBS, Filter.where("Machine", example.uuid())).stream()
                        .filter(job -> job.task().equals("context-demo-example")).findFirst().orElseThrow();
                Platform.runLater(() -> page.reveal(demo.uuid()));
            } else {
                sandbox.createRunner("build-runner");
                Platform.runLater(() -> page.reveal("drp-runner-" + runner.uuid()));
                if (inspect) {
                    Thread.sleep(1000);
                    Platform.runLater(() -> ((Button) page.node().lookup("#containers-inspect")).fire());
                }
            }
        } catch (Exception e) {
            e.printStackTrace();
        }
    }

    private void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }
}
