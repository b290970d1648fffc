package dev.drpconsole.ui.setup;

import dev.drpconsole.core.setup.BuildImageStep;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Runner image page: the base image from the engine's local images, extra packages, the Dockerfile and the tag. */
final class ImagePageView extends PageView {

    ImagePageView(WizardPage page, SetupForms.Context context) {
        super(page, context);
    }

    @Override
    String willDo() {
        return "Describe the runner image: a base image from the container engine (no registry needed), extra"
                + " packages, and the Dockerfile that puts drpcli inside.";
    }

    @Override
    StepState state() {
        return model.imageFormProblem().isEmpty() ? StepState.DONE : StepState.PENDING;
    }

    @Override
    String blockedReason() {
        return model.imageFormProblem();
    }

    /** Built on the first visit: that is when the engine's images are first listed. */
    @Override
    Node content() {
        model.image.loadBaseImages();
        ComboBox<String> base = new ComboBox<>();
        base.setId("base-image");
        base.setPromptText("Listing the engine's images…");
        base.setMaxWidth(Double.MAX_VALUE);
        Label noImages = hint("");
        noImages.setId("no-images");
        model.image.localImages.addListener((obs, old, images) -> {
            base.getItems().setAll(images);
            base.setPromptText(images.isEmpty() ? "No local images" : "Choose a base image");
            noImages.setText(images.isEmpty() ? "The container engine has no local images, and no registry is"
                    + " needed: load a base image from a tar file (docker load -i base.tar, or podman load -i"
                    + " base.tar), then Refresh." : "");
            if (!model.baseImage.get().isEmpty()) {
                base.setValue(model.baseImage.get());
            }
        });
        base.valueProperty().addListener((obs, old, now) -> model.image.chooseBaseImage(now));
        Button refresh = new Button("Refresh");
        refresh.setId("refresh-images");
        refresh.setOnAction(e -> model.image.loadBaseImages());
        TextField packages = field("packages", model.packages);
        packages.setPromptText("Space-separated, e.g. bash jq curl");
        Button rewrite = new Button("Rewrite the Dockerfile");
        rewrite.setId("regenerate");
        rewrite.disableProperty().bind(model.baseImage.isEmpty());
        rewrite.setOnAction(e -> model.image.regenerateDockerfile());
        TextArea dockerfile = dockerfileEditor("dockerfile");
        TextField tag = field("image-tag", model.imageTag);
        Label formProblem = new Label();
        formProblem.setId("image-form-problem");
        formProblem.getStyleClass().add("setup-problem-text");
        formProblem.textProperty().bind(Bindings.createStringBinding(model::imageFormProblem, model.baseImage,
                model.dockerfile, model.imageTag));
        lockWhenDone(dev.drpconsole.core.setup.BuildImageStep.ID, base, refresh, packages, rewrite, dockerfile,
                tag);

        GridPane grid = grid();
        HBox.setHgrow(base, Priority.ALWAYS);
        HBox.setHgrow(packages, Priority.ALWAYS);
        grid.addRow(0, topLabel("Base image"), new VBox(4, new HBox(8, base, refresh), noImages));
        grid.addRow(1, new Label("Extra packages"), new HBox(8, packages, rewrite));
        grid.addRow(2, topLabel("Dockerfile"), dockerfile);
        grid.addRow(3, new Label("Image tag"), tag);
        return new VBox(8, grid, formProblem);
    }
}
