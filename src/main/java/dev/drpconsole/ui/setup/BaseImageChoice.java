package dev.drpconsole.ui.setup;

import dev.drpconsole.core.concurrent.BackgroundTask;
import dev.drpconsole.core.concurrent.TaskSlot;
import dev.drpconsole.core.setup.BaseImageProbe;
import dev.drpconsole.core.setup.RunnerDockerfile;
import dev.drpconsole.ui.common.ViewServices;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The runner image's base, no scene graph: the engine's local images to pick from (no registry), and the Dockerfile
 * written like the DRP guide's for the picked image's package manager, probed in a throwaway container.
 */
final class BaseImageChoice {
    /** The engine's local images; null until listed. */
    final ObjectProperty<List<String>> localImages = new SimpleObjectProperty<>();

    private final SetupViewModel model;
    private final ViewServices services;
    private final Map<String, String> labels;
    /** The package-manager probe: a newer pick replaces an older one still running. */
    private final TaskSlot probe = new TaskSlot();

    BaseImageChoice(SetupViewModel model, ViewServices services, Map<String, String> labels) {
        this.model = model;
        this.services = services;
        this.labels = labels;
    }

    /** Lists the engine's local images for the base image choice. */
    void loadBaseImages() {
        BackgroundTask.wrap(() -> BaseImageProbe.localImages(services.buildEngine().get()))
                .onSuccess(localImages::set)
                .onFailure(e -> model.setProblem(WizardPage.IMAGE, "Cannot list the container engine's images: "
                        + e.getMessage() + " Start Docker or Podman, then pick the base image again."))
                .executeWith(services.tasks());
    }

    /** A base image was picked: read its package manager, then fill the Dockerfile like the DRP guide's. */
    void chooseBaseImage(String image) {
        if (image == null || image.equals(model.baseImage.get()) && !model.dockerfile.get().isBlank()) {
            return;
        }
        model.baseImage.set(image);
        regenerateDockerfile();
    }

    /** Writes the Dockerfile afresh from the base image and the packages. */
    void regenerateDockerfile() {
        String image = model.baseImage.get();
        List<String> wanted = model.packageList();
        model.setStatus(WizardPage.IMAGE, "Looking into " + image + " for its package manager…");
        // A newer pick replaces an older probe still running: its Dockerfile never overwrites the newer one.
        BackgroundTask.wrap(() -> BaseImageProbe.packageManager(services.buildEngine().get(), image, labels)).in(probe)
                .onSuccess(manager -> {
                    model.dockerfile.set(RunnerDockerfile.generate(image, manager, wanted));
                    model.setStatus(WizardPage.IMAGE, manager.map(found -> image + " installs packages with " + found
                            + ".").orElse(image + " has no package manager the wizard knows: install the packages"
                            + " yourself in the Dockerfile."));
                })
                .onFailure(e -> model.setProblem(WizardPage.IMAGE, "Cannot look into " + image + ": " + e.getMessage()))
                .executeWith(services.tasks());
    }
}
