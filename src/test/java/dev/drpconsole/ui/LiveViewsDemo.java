package dev.drpconsole.ui;

import dev.drpconsole.testsupport.SandboxSession;
import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.drp.DrpContext;
import dev.drpconsole.core.drp.Machine;
import dev.drpconsole.ui.common.SectionPage;
import dev.drpconsole.ui.contexts.ContextsPage;
import dev.drpconsole.ui.runners.RunnersPage;
import dev.drpconsole.ui.theme.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;

/**
 * Shows the Contexts or Runner machines page with real data, for looking at it and for screenshots: a sandbox
 * with runner containers on the real engine, a few contexts (one with the built runner image, others whose image
 * is nowhere) and runner machines. Arguments: {@code contexts|runners} and {@code light|dark}; started by
 * {@link LiveViewsDemoLauncher}.
 */
public class LiveViewsDemo extends Application {
    private SandboxSession sandbox;
    private ViewHarness harness;

    @Override
    public void start(Stage stage) throws Exception {
        boolean runners = "runners".equals(getParameters().getRaw().get(0));
        boolean dark = getParameters().getRaw().size() > 1 && "dark".equals(getParameters().getRaw().get(1));
        (dark ? Theme.DARK : Theme.LIGHT).apply();
        Path work = Files.createTempDirectory("live-views-demo");
        sandbox = SandboxSession.start(work.resolve("sandbox"), true);
        // snap ends the demo with a signal, which skips stop(): the runner containers and image must go anyway.
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
        String selected = fill(sandbox.connect(), sandbox.buildRunnerImage(work));
        harness = new ViewHarness(sandbox.engine());
        harness.client.set(sandbox.connect());
        SectionPage page = runners ? new RunnersPage(harness.services()) : new ContextsPage(harness.services());
        Label title = new Label(runners ? "Runner machines" : "Contexts");
        title.getStyleClass().add("section-title");
        HBox header = new HBox(title);
        header.getStyleClass().add("section-header");
        BorderPane root = new BorderPane(page.node(), header, null, null, null);
        root.getStyleClass().add("section-content");
        Scene scene = new Scene(root, 1180, 740);
        scene.getStylesheets().add(Theme.CONSOLE_CSS);
        stage.setTitle("DRP Context Console — " + title.getText());
        stage.setScene(scene);
        stage.show();
        page.shown();
        Platform.runLater(() -> page.reveal(runners ? selected : "runner"));
    }

    /** Returns the UUID of the machine to select. */
    private static String fill(DrpClient client, String runnerImage) {
        client.create(DrpContext.of("runner", DrpContext.DOCKER_CONTEXT, runnerImage,
                "The seed walkthrough's runner: drpcli processjobs on the local base image"));
        client.create(DrpContext.of("ansible", DrpContext.DOCKER_CONTEXT, "rackn/ansible-runner:v2",
                "Runs playbooks against machines"));
        client.create(DrpContext.of("terraform", DrpContext.DOCKER_CONTEXT, "hashicorp/terraform:1.6",
                "Cloud provisioning tasks"));
        Machine seeds = client.create(Machine.runner("context-runner", "runner", "The seed's context-runner machine"));
        client.create(Machine.runner("build-runner", "runner", "Builds images for other contexts"));
        Machine stuck = client.create(Machine.runner("ansible-runner-1", "ansible", "Image not loaded yet"));
        client.update(stuck, stuck.withRunnable(false));
        return seeds.uuid();
    }

    @Override
    public synchronized void stop() {
        if (harness != null) {
            harness.close();
            harness = null;
        }
        if (sandbox != null) {
            sandbox.close();
            sandbox = null;
        }
    }
}
