package dev.drpconsole.ui;

import javafx.application.Application;

/** Starts {@link LiveViewsDemo} from a class path (a main class that is an Application needs JavaFX as modules). */
public final class LiveViewsDemoLauncher {
    private LiveViewsDemoLauncher() {
    }

    public static void main(String[] args) {
        Application.launch(LiveViewsDemo.class, args);
    }
}
