package dev.drpconsole.ui.setup;

import dev.drpconsole.core.concurrent.BackgroundTask;
import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.setup.DrpcliSource;
import dev.drpconsole.core.setup.PluginProviderInstall;
import dev.drpconsole.core.setup.PreflightStep;
import dev.drpconsole.core.setup.SetupProblem;
import dev.drpconsole.core.setup.StepProgress;
import dev.drpconsole.ui.common.ViewServices;
import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the Preflight page offers when a check fails, no scene graph: the endpoint's own Linux drpcli (looked for,
 * downloaded and chosen), a docker-context provider binary to upload, and how to build drpcli with Go. After a fix
 * the checks run again.
 */
final class PreflightFixes {
    /** drpcli's Go package at the release the console is tested with. */
    static final String DRPCLI_MODULE = "github.com/digitalrebar/provision/v4/cmds/drpcli@v4.7.0";

    /** The endpoint serves a Linux drpcli the image can use. */
    final BooleanProperty drpcliOffered = new SimpleBooleanProperty(false);
    /** The engine's processor as Go names it (amd64, arm64): the image's drpcli must be built for it. */
    final StringProperty engineArch = new SimpleStringProperty("amd64");

    private final SetupViewModel model;
    private final ViewServices services;
    private final Path workDir;

    PreflightFixes(SetupViewModel model, ViewServices services, Path workDir) {
        this.model = model;
        this.services = services;
        this.workDir = workDir;
    }

    /** Looks whether the endpoint serves a Linux drpcli for the engine's processor (files/drpcli.<arch>.linux). */
    void lookForEndpointDrpcli() {
        DrpClient client = services.client().get();
        if (client == null) {
            return;
        }
        BackgroundTask.wrap(() -> services.buildEngine().get().info().arch()).onSuccess(arch -> engineArch.set(arch))
                .onFailure(noEngine -> drpcliOffered.set(false)).executeWith(services.tasks());
        BackgroundTask.wrap(() -> DrpcliSource.offered(client, services.buildEngine().get().info().arch()))
                .onSuccess(drpcliOffered::set).onFailure(noEngine -> drpcliOffered.set(false))
                .executeWith(services.tasks());
    }

    /** How to build a Linux drpcli for the engine with Go, from DRP's public module. */
    String goInstallCommand() {
        return "GOOS=linux GOARCH=" + engineArch.get() + " go install " + DRPCLI_MODULE;
    }

    /** Downloads the endpoint's drpcli into the wizard's work directory and uses it, then checks again. */
    void downloadDrpcli() {
        background("Downloading the endpoint's drpcli", (client, progress) -> {
            Path downloaded = DrpcliSource.download(client, services.buildEngine().get().info().arch(), workDir, progress);
            // Chosen before the checks run again with it.
            services.fxThread().execute(() -> model.drpcli.set(downloaded.toString()));
        });
    }

    /** Uploads the docker-context plugin provider binary the user picked, then checks again. */
    void uploadProvider(Path binary) {
        background("Uploading the plugin provider", (client, progress) -> {
            String arch = client.info().arch();
            PluginProviderInstall.upload(client, binary, arch.isEmpty() ? null : arch, progress);
        });
    }

    /** Work the preflight page offers to fix a check; the checks run again after it. */
    private interface Fix {
        void run(DrpClient client, StepProgress progress) throws InterruptedException;
    }

    private void background(String what, Fix fix) {
        DrpClient client = services.client().get();
        if (model.running.get() || client == null) {
            return;
        }
        model.running.set(true);
        model.setProblem(PreflightStep.ID, "");
        model.setStatus(PreflightStep.ID, what + "…");
        model.output.accept("== " + what);
        BackgroundTask.wrap(() -> fix.run(client, model.progressOf(PreflightStep.ID)))
                .onSuccess(done -> {
                    model.running.set(false);
                    model.show(PreflightStep.ID);
                    model.runCurrent();
                })
                .onFailure(e -> {
                    model.running.set(false);
                    if (!(e instanceof InterruptedException)) {
                        model.setProblem(PreflightStep.ID, e instanceof SetupProblem problem
                                ? problem.getMessage() + " " + problem.fix() : what + " failed: " + e.getMessage());
                    }
                })
                .executeWith(services.tasks());
    }
}
