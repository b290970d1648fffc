package dev.drpconsole.ui.setup;

import dev.drpconsole.core.connection.DrpConnections;
import dev.drpconsole.core.connection.EndpointProfile;
import dev.drpconsole.core.connection.ProfileSource;
import dev.drpconsole.core.connection.SandboxLogin;
import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.drp.DrpContext;
import dev.drpconsole.sandbox.SandboxServer;
import dev.drpconsole.testsupport.SandboxAccess;
import dev.drpconsole.testsupport.TestEnv;
import dev.drpconsole.testsupport.TestLabels;
import dev.drpconsole.testsupport.SandboxSession;
import dev.drpconsole.ui.ViewHarness;
import dev.drpconsole.ui.theme.Theme;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.List;
import java.util.concurrent.FutureTask;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Walks the setup wizard through every page against a sandbox with runners on the real engine and saves a
 * picture of each (assets/screenshot-setup-*.png): the build fails once on a bad line and is fixed, the context
 * name is taken by another context, then everything runs to the summary. Arguments: the output directory and
 * {@code light|dark}, optionally a window size such as {@code 1024x640} (the pictures then end in
 * {@code -1024x640}). Run it under a display (../shared/tools/snap) with {@link SetupWizardDemoLauncher}.
 */
public class SetupWizardDemo extends Application {
    private SandboxSession sandbox;
    private Scene scene;
    private Path out;
    private String suffix;

    @Override
    public void start(Stage stage) throws Exception {
        out = Path.of(getParameters().getRaw().get(0));
        boolean dark = getParameters().getRaw().size() > 1 && "dark".equals(getParameters().getRaw().get(1));
        suffix = dark ? "-dark" : "";
        String size = getParameters().getRaw().size() > 2 ? getParameters().getRaw().get(2) : "1180x740";
        if (!size.equals("1180x740")) {
            suffix += "-" + size;
        }
        int width = Integer.parseInt(size.substring(0, size.indexOf('x')));
        int height = Integer.parseInt(size.substring(size.indexOf('x') + 1));
        (dark ? Theme.DARK : Theme.LIGHT).apply();
        Path work = Files.createTempDirectory("setup-demo");
        sandbox = SandboxSession.start(work.resolve("sandbox"), true);
        Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close));
        ViewHarness harness = new ViewHarness(sandbox.engine());
        DrpClient client = sandbox.connect();
        harness.client.set(client);
        SandboxServer server = sandbox.server();
        SandboxLogin login = SandboxAccess.login(server, server.url().getPort() == 8092);
        EndpointProfile profile = EndpointProfile.create(DrpConnections.SANDBOX_PROFILE_NAME, List.of(login.url()),
                login.user(), false, ProfileSource.LOCAL_SANDBOX);
        SetupPage page = new SetupPage(harness.services(), new FixedEndpointChoices(profile, login),
                work.resolve("settings"), TestLabels.forThisRun());
        Label title = new Label("Setup");
        title.getStyleClass().add("section-title");
        HBox header = new HBox(title);
        header.getStyleClass().add("section-header");
        BorderPane root = new BorderPane(page.node(), header, null, null, null);
        root.getStyleClass().add("section-content");
        scene = new Scene(root, width, height);
        scene.getStylesheets().add(Theme.CONSOLE_CSS);
        stage.setTitle("DRP Context Console — Setup");
        stage.setScene(scene);
        stage.show();
        page.shown();
        Thread walk = new Thread(() -> walk(page.model(), client), "setup-demo");
        walk.setDaemon(true);
        walk.start();
    }

    private void walk(SetupViewModel model, DrpClient client) {
        try {
            String tag = "drpconsole-test/setup-demo:" + TestLabels.runId();
            settle(1500);
            shoot("endpoint");
            fx(() -> {
                model.show("preflight");
                model.drpcli.set(TestEnv.get().drpcli().toString());
                model.runCurrent();
                return null;
            });
            await(() -> model.isDone("preflight"));
            shoot("preflight");
            fx(() -> {
                model.packages.set("bash");
                model.imageTag.set(tag);
                model.show(WizardPage.IMAGE);
                return null;
            });
            await(() -> model.image.localImages.get() != null);
            fx(() -> {
                model.image.chooseBaseImage(TestEnv.get().baseImage());
                return null;
            });
            await(() -> !model.dockerfile.get().isEmpty());
            shoot("image");
            String broken = "RUN apt-get install -y --no-install-recommends jq-but-misspelled";
            String good = fx(() -> model.dockerfile.get());
            fx(() -> {
                model.dockerfile.set(good.replaceFirst("\n", "\n" + broken + "\n"));
                model.show("build");
                model.runCurrent();
                return null;
            });
            await(() -> !model.problem.get().isEmpty());
            shoot("build-failed");
            fx(() -> {
                model.dockerfile.set(good);
                model.runCurrent();
                return null;
            });
            await(() -> model.isDone("build"));
            shoot("build");
            fx(() -> {
                model.show("publish");
                return null;
            });
            shoot("publish");
            client.create(DrpContext.of("runner", DrpContext.DOCKER_CONTEXT, "digitalrebar/runner",
                    "DRP Demo Context"));
            fx(() -> {
                model.runRemaining();
                return null;
            });
            await(() -> !model.problem.get().isEmpty());
            shoot("context-conflict");
            fx(() -> {
                model.replaceConflictingContext();
                return null;
            });
            await(() -> model.isDone("context") && !model.running.get());
            fx(() -> {
                model.runRemaining();
                return null;
            });
            await(() -> model.isDone("runner"));
            settle(500);
            fx(() -> {
                model.show("runner");
                return null;
            });
            shoot("runner");
            fx(() -> {
                model.show("test-job");
                return null;
            });
            await(() -> model.isDone("test-job") && !model.running.get());
            fx(() -> {
                model.show("test-job");
                return null;
            });
            shoot("test-job");
            fx(() -> {
                model.show(WizardPage.SUMMARY);
                return null;
            });
            shoot("summary");
            fx(() -> {
                model.cleanUp();
                return null;
            });
            await(() -> model.status.get().startsWith("Cleaned up"));
        } catch (Exception e) {
            e.printStackTrace();
        } finally {
            Platform.exit();
            System.exit(0);
        }
    }

    private void shoot(String name) throws Exception {
        settle(700);
        fx(() -> {
            WritableImage image = scene.snapshot(null);
            PixelReader pixels = image.getPixelReader();
            int width = (int) image.getWidth();
            int height = (int) image.getHeight();
            BufferedImage png = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    png.setRGB(x, y, pixels.getArgb(x, y));
                }
            }
            try {
                ImageIO.write(png, "png", out.resolve("screenshot-setup-" + name + suffix + ".png").toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
        System.out.println("saved " + name);
    }

    private static void settle(long ms) throws InterruptedException {
        Thread.sleep(ms);
    }

    private static void await(Callable<Boolean> condition) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (!fx(condition)) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("The demo wizard did not get there");
            }
            Thread.sleep(200);
        }
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        FutureTask<T> task = new FutureTask<>(work);
        Platform.runLater(task);
        return task.get();
    }
}
