package dev.drpconsole.ui.setup;

import dev.drpconsole.core.setup.PublishImageStep;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The Publish page: where the image goes, and the choice to keep it on the engine. */
final class PublishPageView extends StepPageView {

    PublishPageView(WizardPage page, SetupForms.Context context) {
        super(page, context, "Publish the image");
    }

    @Override
    Node content() {
        javafx.scene.control.CheckBox keep = new javafx.scene.control.CheckBox(
                "The engine is the endpoint's own: keep the image there, upload nothing");
        keep.setId("keep-on-engine");
        keep.selectedProperty().bindBidirectional(model.keepOnEngine);
        lockWhenDone(dev.drpconsole.core.setup.PublishImageStep.ID, keep);
        Label shared = hint("");
        shared.setId("publish-target");
        Runnable explain = () -> model.imageOnRunnerEngine(same -> {
            if (same.isPresent()) {
                shared.setText("The runner engine already holds this very image (ID " + same.get() + "): it is where"
                        + " the docker-context plugin looks first, so nothing is uploaded.");
                return;
            }
            model.imageLayout(layout -> shared.setText("The plugin looks for the image on its engine first, then"
                    + " downloads files/" + layout.pathOf(model.imageTag.get()) + " from the endpoint ("
                    + layout.reason()
                    + "): the wizard uploads it there, unless by then the runner engine holds this very image (same"
                    + " ID) or the endpoint has the same bytes."));
        });
        explain.run();
        model.clientProperty().addListener((obs, old, now) -> explain.run());
        model.imageTag.addListener((obs, old, now) -> explain.run());
        return new VBox(8, shared, keep);
    }
}
