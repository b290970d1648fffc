package dev.drpconsole.ui.setup;

import dev.drpconsole.core.setup.BuildImageStep;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;

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

    @FXML
    private ComboBox<String> base;
    @FXML
    private Button refresh;
    @FXML
    private Label noImages;
    @FXML
    private TextField packages;
    @FXML
    private Button rewrite;
    @FXML
    private TextArea dockerfile;
    @FXML
    private TextField tag;
    @FXML
    private Label formProblem;

    /** Built on the first visit: that is when the engine's images are first listed. */
    @Override
    Node content() {
        Node root = form("ImagePage.fxml");
        model.image.loadBaseImages();
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
        packages.textProperty().bindBidirectional(model.packages);
        dockerfile.textProperty().bindBidirectional(model.dockerfile);
        tag.textProperty().bindBidirectional(model.imageTag);
        formProblem.textProperty().bind(Bindings.createStringBinding(model::imageFormProblem, model.baseImage,
                model.dockerfile, model.imageTag));
        lockWhenDone(BuildImageStep.ID, base, refresh, packages, dockerfile, tag);
        // Greyed while there is no base image to write it for, as well as once the build is done.
        rewrite.disableProperty().bind(model.baseImage.isEmpty().or(Bindings.createBooleanBinding(
                () -> model.isDone(BuildImageStep.ID) || model.running.get(), model.states, model.running)));
        return root;
    }

    @FXML
    private void refresh() {
        model.image.loadBaseImages();
    }

    @FXML
    private void rewrite() {
        model.image.regenerateDockerfile();
    }
}
