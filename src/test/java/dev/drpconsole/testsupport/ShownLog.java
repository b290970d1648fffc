package dev.drpconsole.testsupport;

import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.testfx.util.WaitForAsyncUtils;

/** What a log view shows on screen right now, read from its cells, as a user would read it. */
public final class ShownLog {
    private ShownLog() {
    }

    /** The text of the lines drawn in the log view, one per line (ANSI sequences are not part of it). */
    public static String text(Node logView) {
        return onFx(() -> {
            StringBuilder text = new StringBuilder();
            for (Node flow : logView.lookupAll(".log-line > TextFlow")) {
                ((TextFlow) flow).getChildren().forEach(run -> text.append(((Text) run).getText()));
                text.append('\n');
            }
            return text.toString();
        });
    }

    /**
     * The time column of the drawn line that contains {@code fragment} (as the clock toggle shows it); "" when no
     * such line is drawn or the column is hidden.
     */
    public static String timeOf(Node logView, String fragment) {
        return onFx(() -> {
            for (Node line : logView.lookupAll(".log-line")) {
                StringBuilder text = new StringBuilder();
                String time = "";
                for (Node child : ((javafx.scene.Parent) line).getChildrenUnmodifiable()) {
                    if (child instanceof Text shown && child.getStyleClass().contains("log-time")) {
                        time = shown.isVisible() ? shown.getText() : "";
                    } else if (child instanceof TextFlow flow) {
                        flow.getChildren().forEach(run -> text.append(((Text) run).getText()));
                    }
                }
                if (text.toString().contains(fragment)) {
                    return time;
                }
            }
            return "";
        });
    }

    /** The style classes of the drawn run that contains {@code fragment}; empty when none is drawn. */
    public static List<String> styleOf(Node logView, String fragment) {
        return onFx(() -> logView.lookupAll(".log-text").stream()
                .filter(run -> ((Text) run).getText().contains(fragment))
                .findFirst().map(run -> List.copyOf(run.getStyleClass())).orElse(List.of()));
    }

    private static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get();
        } catch (Exception e) {
            throw new AssertionError("Reading the log view failed", e);
        }
    }
}
