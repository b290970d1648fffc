package dev.drpconsole.ui.setup;

import javafx.application.Application;

/** Starts {@link SetupWizardDemo} from a class path (a main class that is an Application needs JavaFX as modules). */
public final class SetupWizardDemoLauncher {
    private SetupWizardDemoLauncher() {
    }

    public static void main(String[] args) {
        Application.launch(SetupWizardDemo.class, args);
    }
}
