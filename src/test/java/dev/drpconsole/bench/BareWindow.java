package dev.drpconsole.bench;

import java.lang.management.ManagementFactory;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The floor for start-up: a JavaFX "hello" window, timed exactly like the console ("Started in N ms"). */
public class BareWindow extends Application {

    @Override
    public void start(Stage stage) {
        stage.setScene(new Scene(new Label("hello"), 1180, 740));
        stage.setOnShown(e -> {
            long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.out.println("Started in " + ms + " ms");
            Platform.exit();
        });
        stage.show();
    }

    /** Launched through a plain main class, like the console's {@code Main}. */
    public static final class Launcher {
        public static void main(String[] args) {
            Application.launch(BareWindow.class, args);
        }
    }
}
