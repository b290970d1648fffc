package dev.drpconsole.ui.logview;

import dev.drpconsole.ui.theme.Theme;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

/**
 * A log view to look at: a job's output with ANSI colours, a find under way. Arguments: {@code dark} for the dark
 * theme. Run with the snap tool (stack-notes.md) to take the README's screenshots.
 */
public class LogViewDemo extends Application {
    private static final String ESC = "\u001b[";

    @Override
    public void start(Stage stage) {
        Theme theme = getParameters().getRaw().contains("dark") ? Theme.DARK : Theme.LIGHT;
        theme.apply();
        LogView view = new LogView();
        view.setTitle("Job 7f3c2a91 · context-demo-example");
        view.appendAll(sampleLines());
        Scene scene = new Scene(view, 1180, 740);
        scene.getStylesheets().add(Theme.CONSOLE_CSS);
        stage.setScene(scene);
        stage.setTitle("Log view");
        stage.show();
        Platform.runLater(() -> {
            ((javafx.scene.control.Button) view.lookup("#log-find")).fire();
            ((TextField) view.lookup("#log-find-field")).setText("runner");
        });
    }

    static List<String> sampleLines() {
        List<String> lines = new ArrayList<>();
        String[] stages = {"context-demo-stage", "context-demo-example", "finish"};
        lines.add(ESC + "1mRunning task context-demo-example on machine demo-runner-01" + ESC + "0m");
        lines.add(ESC + "2m# drpcli 4.8.0 · endpoint https://127.0.0.1:8092 · context docker-context" + ESC + "0m");
        for (int i = 0; i < 6; i++) {
            for (String stage : stages) {
                lines.add(ESC + "36m[" + stage + "]" + ESC + "0m step " + (i + 1) + ": rendering template "
                        + "context-demo-example.sh.tmpl for machine demo-runner-0" + (i % 3 + 1));
            }
            lines.add(ESC + "32m✔" + ESC + "0m params fetched: context-demo-color=" + ESC + "38;5;208morange"
                    + ESC + "0m, Machine.Name=demo-runner-0" + (i % 3 + 1));
            lines.add(ESC + "33mWARN" + ESC + "0m  slow answer from the endpoint (1.2 s); retrying with backoff");
            if (i % 2 == 1) {
                lines.add(ESC + "1;31mERROR" + ESC + "0m could not reach runner agent: connection refused "
                        + "(dial tcp 127.0.0.1:8092) \u001b]8;;https://example.invalid\u0007link\u001b]8;;\u0007");
            }
            lines.add("  progress " + ESC + "34m" + "#".repeat(4 * (i + 1)) + ESC + "0m" + " ".repeat(24 - 4 * (i + 1))
                    + " " + (i + 1) * 100 / 6 + "%\u001b[K");
        }
        lines.add(ESC + "7m INVERSE " + ESC + "0m " + ESC + "41m red background " + ESC + "0m "
                + ESC + "38;2;120;90;200mtruecolor" + ESC + "0m " + ESC + "4munderlined" + ESC + "0m "
                + ESC + "3mitalic" + ESC + "0m " + ESC + "95mbright magenta" + ESC + "0m");
        lines.add("A long line that goes on and on so that wrapping can be seen when it is switched on: "
                + "lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut "
                + "labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco.");
        lines.add(ESC + "32mTask context-demo-example finished: exit 0" + ESC + "0m");
        return lines;
    }

    /** Launched through a plain main class: an Application subclass as main class needs JavaFX as modules. */
    public static final class Launcher {
        public static void main(String[] args) {
            Application.launch(LogViewDemo.class, args);
        }
    }
}
