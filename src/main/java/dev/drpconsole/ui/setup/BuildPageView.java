package dev.drpconsole.ui.setup;

import dev.drpconsole.core.setup.BuildImageStep;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;

/** The Build page: the Dockerfile to fix in place, with the line a failed build stopped at selected. */
final class BuildPageView extends StepPageView {

    BuildPageView(WizardPage page, SetupForms.Context context) {
        super(page, context, "Build the image");
    }

    @Override
    Node content() {
        Label failed = new Label();
        failed.setId("failed-line");
        failed.setWrapText(true);
        failed.getStyleClass().add("setup-problem-text");
        TextArea dockerfile = dockerfileEditor("build-dockerfile");
        Label hint = hint("Edit the Dockerfile here and build again: the engine's cache keeps the steps that"
                + " already worked.");
        model.failedLine.addListener((obs, old, line) -> {
            int number = line.intValue();
            failed.setText(number > 0 ? "Line " + number + " failed: " + lineOf(model.dockerfile.get(), number) : "");
            if (number > 0) {
                selectLine(dockerfile, number);
            }
        });
        lockWhenDone(dev.drpconsole.core.setup.BuildImageStep.ID, dockerfile);
        return new VBox(8, failed, dockerfile, hint);
    }

    private static String lineOf(String text, int number) {
        String[] lines = text.split("\n", -1);
        return number <= lines.length ? lines[number - 1].strip() : "";
    }

    private static void selectLine(TextArea editor, int number) {
        String[] lines = editor.getText().split("\n", -1);
        int start = 0;
        for (int i = 0; i < number - 1 && i < lines.length; i++) {
            start += lines[i].length() + 1;
        }
        int end = number - 1 < lines.length ? start + lines[number - 1].length() : start;
        editor.selectRange(start, end);
        editor.requestFocus();
    }
}
